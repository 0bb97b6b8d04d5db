// Parameters for step 2 (blob-events.bicep), from the environment that deploy.sh sets up: the key
// never appears on a command line or in a file.
using 'blob-events.bicep'

param functionAppName = readEnvironmentVariable('INGEST_FUNCTION_APP_NAME', '')
param systemTopicName = readEnvironmentVariable('INGEST_SYSTEM_TOPIC_NAME', '')
param rawContainerName = readEnvironmentVariable('INGEST_RAW_CONTAINER_NAME', 'raw')
param blobsExtensionKey = readEnvironmentVariable('INGEST_BLOBS_EXTENSION_KEY', '')
