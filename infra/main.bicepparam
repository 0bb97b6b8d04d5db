// Parameters for step 1 (main.bicep). INGEST_* environment variables override the defaults so that
// deploy.sh and CI can reuse this file unchanged.
using 'main.bicep'

param baseName = readEnvironmentVariable('INGEST_BASE_NAME', 'ingest')
param maximumInstanceCount = int(readEnvironmentVariable('INGEST_MAXIMUM_INSTANCE_COUNT', '40'))
param instanceMemoryMB = 2048
param runtimeVersion = readEnvironmentVariable('INGEST_CUSTOM_RUNTIME_VERSION', '1.0')
param operatorPrincipalId = readEnvironmentVariable('INGEST_OPERATOR_PRINCIPAL_ID', '')
param appSettingOverrides = {}
param crawlerContactUrl = readEnvironmentVariable('INGEST_CONTACT_URL', '')
