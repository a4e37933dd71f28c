#!/usr/bin/env bash
# Gives a user (or group) the Operator or Reader app role on the operator console:
#   infra/scripts/grant-console-role.sh alice@contoso.com Operator
#   infra/scripts/grant-console-role.sh "Finance ops" Reader --group
# The same as Entra admin center > Enterprise applications > "ml-connector console (<env>)" > Users and groups > Add.
set -euo pipefail
who="${1:?user principal name, or group display name with --group}"
role="${2:?Operator or Reader}"
client_id="${CONSOLE_AUTH_CLIENT_ID:-$(azd env get-value CONSOLE_AUTH_CLIENT_ID)}"
case "$role" in Operator|Reader) ;; *) echo "role must be Operator or Reader" >&2; exit 2 ;; esac

if [[ "${3:-}" == "--group" ]]; then
  principal="$(az ad group show --group "$who" --query id -o tsv)"
else
  principal="$(az ad user show --id "$who" --query id -o tsv)"
fi
sp_id="$(az ad sp list --filter "appId eq '$client_id'" --query '[0].id' -o tsv)"
role_id="$(az ad sp show --id "$sp_id" --query "appRoles[?value=='$role'].id" -o tsv)"
az rest --method POST --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$sp_id/appRoleAssignedTo" \
  --headers "Content-Type=application/json" \
  --body "{\"principalId\":\"$principal\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" >/dev/null
echo "$who now has the $role role on the ml-connector console (it applies at their next sign-in)."
