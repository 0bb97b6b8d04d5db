#!/usr/bin/env bash
# Deploys Ingest to Azure Functions Flex Consumption, end to end:
#   1. infrastructure: infra/main.bicep with infra/main.bicepparam
#   2. code: self-contained linux-x64 publish with the Event Grid blob trigger, zipped here on Linux so
#      the handler keeps its exec bit, then zip-deployed
#   3. waits until the deployment reports success and the host has created its blobs_extension key
#   4. the Event Grid subscription that drives ParseReport: infra/blob-events.bicep
# Every step is idempotent: run the script again after a change, or skip steps with the flags below.
# Needs: Azure CLI (logged in), the .NET 10 SDK, zip, unzip.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: infra/deploy.sh --resource-group NAME [--location REGION] [--skip-infra] [--skip-code] [--skip-events]

  -g, --resource-group  resource group to deploy into (created when --location is given)
  -l, --location        region for a new resource group (one where Flex Consumption is offered)
  --skip-infra          reuse the infrastructure of an earlier run (its deployment outputs)
  --skip-code           do not publish and deploy the app
  --skip-events         do not create or update the Event Grid subscription

Environment: INGEST_CONTACT_URL (required unless --skip-infra: the contact URL the crawler
names in its User-Agent). Optional: INGEST_BASE_NAME, INGEST_MAXIMUM_INSTANCE_COUNT,
INGEST_CUSTOM_RUNTIME_VERSION, INGEST_OPERATOR_PRINCIPAL_ID (see infra/main.bicepparam);
INGEST_WAIT_SECONDS: how long to wait for the deployment and the key (default 900).
USAGE
}

fail() {
  echo "deploy.sh: $*" >&2
  exit 1
}

step() {
  echo "==> $*"
}

resource_group=""
location=""
skip_infra=false
skip_code=false
skip_events=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) resource_group="${2:?--resource-group needs a value}"; shift 2 ;;
    -l | --location) location="${2:?--location needs a value}"; shift 2 ;;
    --skip-infra) skip_infra=true; shift ;;
    --skip-code) skip_code=true; shift ;;
    --skip-events) skip_events=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done
[[ -n "$resource_group" ]] || { usage >&2; fail "--resource-group is required"; }

if [[ "${skip_infra:-false}" != true && -z "${INGEST_CONTACT_URL:-}" ]]; then
  fail "INGEST_CONTACT_URL is required: an http(s) page where site owners can reach you (the crawler names it in its User-Agent)"
fi

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$infra_dir/.." && pwd)"
wait_seconds="${INGEST_WAIT_SECONDS:-900}"
main_deployment="ingest-main"
events_deployment="ingest-blob-events"
functions=(ScheduleCrawl CrawlSource ParseReport Lookup)

for tool in az dotnet zip unzip; do
  command -v "$tool" >/dev/null || fail "$tool is not on PATH"
done
az account show --output none 2>/dev/null || fail "not logged in to Azure: run 'az login' (and 'az account set -s <subscription>')"

main_output() {
  az deployment group show --resource-group "$resource_group" --name "$main_deployment" \
    --query "properties.outputs.$1.value" --output tsv
}

# --- 1. infrastructure -------------------------------------------------------------------------
if [[ "$skip_infra" == false ]]; then
  if [[ -n "$location" ]]; then
    step "resource group $resource_group in $location"
    az group create --name "$resource_group" --location "$location" --output none
  fi
  step "infrastructure (infra/main.bicep)"
  az deployment group create --resource-group "$resource_group" --name "$main_deployment" \
    --template-file "$infra_dir/main.bicep" --parameters "$infra_dir/main.bicepparam" --output none
fi

app_name="$(main_output functionAppName)"
app_url="$(main_output functionAppUrl)"
[[ -n "$app_name" ]] || fail "deployment $main_deployment has no functionAppName output; run without --skip-infra"
echo "    function app: $app_name ($app_url)"

# --- 2. code -----------------------------------------------------------------------------------
if [[ "$skip_code" == false ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  publish_dir="$work/app"
  package="$work/ingest.zip"

  step "publish (self-contained linux-x64, ParseReport source EventGrid)"
  dotnet publish "$repo_root/functions/Ingest.Functions.csproj" --configuration Release \
    --runtime linux-x64 --self-contained -p:ParseTriggerSource=EventGrid --output "$publish_dir" --nologo

  # The published folder is the function app: check its shape before shipping it.
  [[ -f "$publish_dir/host.json" ]] || fail "publish output has no host.json"
  [[ -x "$publish_dir/Ingest.Functions" ]] || fail "publish output has no executable Ingest.Functions"
  for fn in "${functions[@]}"; do
    [[ -f "$publish_dir/$fn/function.json" ]] || fail "publish output has no $fn/function.json"
  done
  grep -Eq '"source"[[:space:]]*:[[:space:]]*"EventGrid"' "$publish_dir/ParseReport/function.json" \
    || fail "ParseReport/function.json is not an Event Grid blob trigger (Flex Consumption refuses polling)"

  step "zip (exec bit kept)"
  (cd "$publish_dir" && zip -q -r -X "$package" .)
  unzip -Z "$package" Ingest.Functions | grep -q '^-rwx' || fail "the zip lost the handler's exec bit"

  step "zip deploy to $app_name"
  # On Flex Consumption the CLI uploads through the app's deployment endpoint (managed package
  # deployment into the deployment container), not WEBSITE_RUN_FROM_PACKAGE.
  az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app_name" \
    --src "$package" --output none

  step "wait for the deployment to succeed"
  # The deployment endpoint answers 200 even for a failed deployment, so read the status itself
  # (Kudu: 3 = failed, 4 = succeeded).
  scm_host="$(az functionapp show --resource-group "$resource_group" --name "$app_name" \
    --query "hostNameSslStates[?hostType=='Repository'].name | [0]" --output tsv)"
  deadline=$((SECONDS + wait_seconds))
  status=""
  while ((SECONDS < deadline)); do
    if status="$(az rest --method get --url "https://$scm_host/api/deployments/latest" \
      --resource "https://management.azure.com/" --query status --output tsv 2>/dev/null)"; then
      [[ "$status" == "4" ]] && break
      [[ "$status" == "3" ]] && fail "deployment failed: see https://$scm_host/api/deployments/latest/log"
    fi
    sleep 10
  done
  [[ "$status" == "4" ]] || fail "no successful deployment status from $scm_host within ${wait_seconds}s (last: ${status:-none})"
  echo "    deployment succeeded"
fi

# --- 3/4. Event Grid subscription --------------------------------------------------------------
if [[ "$skip_events" == false ]]; then
  step "wait for the host to index the functions and create the blobs_extension key"
  deadline=$((SECONDS + wait_seconds))
  key=""
  while ((SECONDS < deadline)); do
    key="$(az functionapp keys list --resource-group "$resource_group" --name "$app_name" \
      --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)"
    [[ -n "$key" ]] && break
    sleep 15
  done
  [[ -n "$key" ]] || fail "no blobs_extension key on $app_name within ${wait_seconds}s: is ParseReport deployed and the host running?"
  listed="$(az functionapp function list --resource-group "$resource_group" --name "$app_name" \
    --query "[].name" --output tsv)"
  for fn in "${functions[@]}"; do
    grep -q "/$fn\$" <<<"$listed" || fail "the host does not list $fn (found: $(tr '\n' ' ' <<<"$listed"))"
  done

  step "Event Grid subscription: BlobCreated in the raw container -> ParseReport (infra/blob-events.bicep)"
  # The key reaches Bicep through the environment of this one command, never the command line.
  INGEST_FUNCTION_APP_NAME="$app_name" \
    INGEST_SYSTEM_TOPIC_NAME="$(main_output systemTopicName)" \
    INGEST_RAW_CONTAINER_NAME="$(main_output rawContainerName)" \
    INGEST_BLOBS_EXTENSION_KEY="$key" \
    az deployment group create --resource-group "$resource_group" --name "$events_deployment" \
    --template-file "$infra_dir/blob-events.bicep" --parameters "$infra_dir/blob-events.bicepparam" --output none
fi

cat <<DONE
==> done
    app:         $app_url   (try: curl -H "x-functions-key: <key>" $app_url/api/health)
    function key: az functionapp keys list -g $resource_group -n $app_name --query functionKeys.default -o tsv
    crawl now:   see "Deploying to Azure" in README.md
DONE
