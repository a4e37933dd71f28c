#!/usr/bin/env bash
# azd preprovision hook: creates (or updates) the Microsoft Entra app registration that guards the operator console
# and the admin API, with the app roles Operator and Reader (infra/app/console-app-roles.json), and stores its client
# id in the azd environment as CONSOLE_AUTH_CLIENT_ID for infra/app/auth.bicep. Needs permission to create app
# registrations (Application Developer, or a tenant that lets users register apps). Run again any time: it is idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
name="ml-connector console (${AZURE_ENV_NAME:?run through azd})"
roles="$root/infra/app/console-app-roles.json"

client_id="${CONSOLE_AUTH_CLIENT_ID:-}"
if [[ -z "$client_id" ]]; then
  client_id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
fi
if [[ -z "$client_id" ]]; then
  client_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --app-roles "@$roles" --enable-id-token-issuance true --query appId -o tsv)"
  echo "Created app registration '$name' ($client_id)."
else
  az ad app update --id "$client_id" --app-roles "@$roles" --enable-id-token-issuance true
  echo "Updated app registration '$name' ($client_id)."
fi
az ad app update --id "$client_id" --identifier-uris "api://$client_id"

# Only users and groups given a role may sign in at all; the console still checks which role.
sp_id="$(az ad sp list --filter "appId eq '$client_id'" --query '[0].id' -o tsv)"
if [[ -z "$sp_id" ]]; then
  sp_id="$(az ad sp create --id "$client_id" --query id -o tsv)"
fi
az ad sp update --id "$sp_id" --set appRoleAssignmentRequired=true

azd env set CONSOLE_AUTH_CLIENT_ID "$client_id"
