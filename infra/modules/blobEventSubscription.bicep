// The Event Grid subscription that drives the ParseReport blob trigger (source: EventGrid) on Flex
// Consumption: BlobCreated in the raw container, delivered to the Functions host's blob extension
// webhook. It needs the app's blobs_extension system key, which exists only once the code is deployed
// and the host has loaded the blob extension, so it is a second deployment (see deploy.sh).

param systemTopicName string
param functionAppName string

@description('The function the events trigger, as named in its folder (ParseReport/function.json).')
param functionName string

@description('Container whose new blobs trigger the function.')
param containerName string

@secure()
@description('The app\'s blobs_extension system key (az functionapp keys list → systemKeys.blobs_extension).')
param blobsExtensionKey string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: '${toLower(functionName)}-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // defaultHostName, not '<app>.azurewebsites.net': new Flex apps may get a unique default host name.
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
