#!/usr/bin/env bash
# azd postprovision hook: once the function app exists, points the console app registration at it (sign-in reply URL)
# and trusts the app's user-assigned identity as its credential (a federated identity credential), so the built-in
# authentication needs no client secret. Idempotent.
set -euo pipefail
client_id="${CONSOLE_AUTH_CLIENT_ID:?run console-app-registration.sh (azd preprovision) first}"
app_uri="${SERVICE_CONNECTOR_URI:?azd provision sets it}"
identity="${AZURE_USER_ASSIGNED_IDENTITY_PRINCIPAL_ID:?azd provision sets it}"
tenant="${AZURE_TENANT_ID:?azd provision sets it}"

az ad app update --id "$client_id" --web-redirect-uris "$app_uri/.auth/login/aad/callback"
if [[ -z "$(az ad app federated-credential list --id "$client_id" --query "[?name=='function-app-identity'].name" -o tsv)" ]]; then
  az ad app federated-credential create --id "$client_id" --parameters "{\"name\":\"function-app-identity\",\"issuer\":\"https://login.microsoftonline.com/$tenant/v2.0\",\"subject\":\"$identity\",\"audiences\":[\"api://AzureADTokenExchange\"]}"
fi
echo "Operator console: $app_uri/api/console/ (grant roles with infra/scripts/grant-console-role.sh)"
