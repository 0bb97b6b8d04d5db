// Ingest on Azure Functions Flex Consumption, step 1 of 2: everything except the Event Grid
// subscription (see blob-events.bicep and deploy.sh). Deploy into an existing resource group:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
metadata description = 'Ingest: a Functions custom handler on Flex Consumption with key-less storage.'

@description('Short name that prefixes every resource: lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string = 'ingest'

@description('Region for every resource; Flex Consumption must be available there.')
param location string = resourceGroup().location

@description('Upper bound for scale-out (Flex: 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB (Flex: 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// The stacks API lists the Flex runtimes per region (az functionapp list-flexconsumption-runtimes
// -l <region> --runtime custom). This is the value we expect for 'custom'; it is unverified here
// (no Azure access when this was written), so check it before the first deployment.
@description('functionAppConfig.runtime.version for the custom handler runtime.')
param runtimeVersion string = '1.0'

@description('App settings that override the defaults by name, e.g. { CRAWL_SCHEDULE: \'0 30 1 * * *\' }.')
param appSettingOverrides object = {}

@description('Where site owners learn who crawls them and how to reach you: named in the crawler\'s User-Agent. Required for the app to start.')
param crawlerContactUrl string

@description('Optional object id of a user or group that may enqueue crawls and read blobs and tables.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

param tags object = {
  app: 'ingest'
}

var token = toLower(uniqueString(resourceGroup().id, baseName))
var storageAccountName = take('st${baseName}${token}', 24)
var functionAppName = 'func-${baseName}-${token}'
var appInsightsName = 'appi-${baseName}-${token}'

// Storage names: the defaults of shared/Storage/StorageLayout.cs (Ingest.Tests.Infra checks them).
// Tables the app writes are listed once, here.
var rawContainerName = 'raw'
var deploymentContainerName = 'app-package'
var containerNames = [
  rawContainerName
  'raw-text'
  'ingest-leases'
  deploymentContainerName
]
var queueNames = [
  'crawl-requests'
  'crawl-requests-poison'
]
var tableNames = [
  'CrawlRuns'
  'Reports'
  'Figures'
  'ReportIndex'
  'CrawlState'
  'ParseFailures'
  'ParseReceipts'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${token}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: containerNames
    queueNames: queueNames
    tableNames: tableNames
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}-${token}'
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // The module looks the account and the component up by name, so it waits for them explicitly.
  dependsOn: [
    storage
    monitoring
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    planName: 'plan-${baseName}-${token}'
    appName: functionAppName
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    runtimeVersion: runtimeVersion
    appSettingOverrides: appSettingOverrides
    crawlerContactUrl: crawlerContactUrl
  }
  // The host starts as soon as the app exists; with the roles in place first it finds its storage.
  dependsOn: [
    roles
  ]
}

// The system topic needs no key, so it is created here; its subscription comes in step 2.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-${baseName}-${token}'
  location: location
  tags: tags
  properties: {
    source: resourceId('Microsoft.Storage/storageAccounts', storageAccountName)
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
  dependsOn: [
    storage
  ]
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output planName string = functionApp.outputs.planName
output storageAccountName string = storage.outputs.name
output rawContainerName string = rawContainerName
output systemTopicName string = systemTopic.name
output identityName string = identity.name
output identityClientId string = identity.properties.clientId
output appInsightsName string = monitoring.outputs.appInsightsName
