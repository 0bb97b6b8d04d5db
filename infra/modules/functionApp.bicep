// The Flex Consumption plan and the function app: an Azure Functions custom handler (runtime 'custom')
// whose handler is the self-contained linux-x64 Ingest.Functions executable.

param planName string
param appName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: storage and Application Insights clients sign in with it.')
param identityClientId string

@description('Primary blob endpoint of the storage account, with trailing slash.')
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string

@description('Blob container that holds the deployment packages.')
param deploymentContainerName string

param appInsightsConnectionString string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('functionAppConfig.runtime.version for runtime \'custom\'.')
param runtimeVersion string

@description('App settings that replace the defaults below, by name (e.g. a different CRAWL_SCHEDULE).')
param appSettingOverrides object

@description('Contact URL the crawler names in its User-Agent (Ingest__Crawler__ContactUrl).')
param crawlerContactUrl string

// Every app setting the app gets in Azure. The list must match the Azure entries of
// shared/Configuration/AppSettings.cs (Ingest.Tests.Infra checks it). Flex rejects
// FUNCTIONS_WORKER_RUNTIME: the runtime comes from functionAppConfig.runtime instead.
var appSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  CRAWL_SCHEDULE: '0 0 2 * * *'
  Ingest__Crawler__ContactUrl: crawlerContactUrl
  Ingest__Crawler__UserAgentProduct: 'IngestBot'
  Ingest__Crawler__MinDelaySeconds: '3'
  Ingest__Crawler__MaxCrawlDelaySeconds: '60'
  Ingest__Crawler__MaxRetries: '2'
  Ingest__Crawler__RetryBaseDelaySeconds: '2'
  Ingest__Crawler__MaxRetryAfterSeconds: '120'
  Ingest__Crawler__AttemptTimeoutSeconds: '30'
  Ingest__Crawler__OverallTimeoutSeconds: '300'
  Ingest__Crawler__MaxBodyBytes: '10485760'
  Ingest__Crawler__MaxRedirects: '5'
  Ingest__Crawler__CircuitBreakerFailures: '5'
  Ingest__Crawler__CircuitBreakSeconds: '300'
  Ingest__Crawler__RobotsCacheHours: '24'
  Ingest__Crawler__RobotsMaxBytes: '524288'
  Ingest__Crawler__AllowPrivateAddresses: 'false'
  Ingest__Records__MaxAttempts: '5'
  Ingest__Records__WriteConcurrency: '8'
  Ingest__Records__WatcherConcurrency: '2'
  Ingest__Records__ClaimDuration: '00:02:00'
  Ingest__Records__ReportLockWait: '00:01:00'
  Ingest__Records__RetryDelay: '00:00:02'
  Ingest__Host__SeedsPath: 'seeds.json'
  Ingest__Host__MaxDequeueCount: '5'
  Ingest__Host__MaxInvocationBodyBytes: '134217728'
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'custom'
        version: runtimeVersion
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, appSettingOverrides)
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output planName string = plan.name
