// Ingest on Azure Functions Flex Consumption, step 2 of 2: the Event Grid subscription that feeds the
// ParseReport blob trigger. Run it after the code is deployed, when the blobs_extension key exists:
//   az deployment group create -g <rg> -f infra/blob-events.bicep -p infra/blob-events.bicepparam
// deploy.sh does this; it is a separate file so that step 2 never redeploys the function app itself.
metadata description = 'Ingest: BlobCreated events from the raw container to the ParseReport blob trigger.'

@description('Function app name (main.bicep output functionAppName).')
param functionAppName string

@description('Event Grid system topic on the storage account (main.bicep output systemTopicName).')
param systemTopicName string

@description('Container of raw captures (main.bicep output rawContainerName).')
param rawContainerName string = 'raw'

@secure()
@description('The app\'s blobs_extension system key.')
param blobsExtensionKey string

module subscription 'modules/blobEventSubscription.bicep' = {
  name: 'blobEventSubscription'
  params: {
    systemTopicName: systemTopicName
    functionAppName: functionAppName
    functionName: 'ParseReport'
    containerName: rawContainerName
    blobsExtensionKey: blobsExtensionKey
  }
}

output eventSubscriptionName string = subscription.outputs.name
