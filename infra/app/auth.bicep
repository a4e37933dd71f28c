// Microsoft Entra ID in front of the whole function app, through the Functions built-in authentication ("Easy Auth"):
// the operator console and the admin API answer only signed-in users, whose app role (Operator or Reader) the code
// checks from the principal the platform passes on. Only the webhook routes stay open; each verifies its sender's
// own signature or credential. No client secret: Easy Auth proves the app registration with the app's user-assigned
// identity through a federated credential (clientSecretSettingName OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID).
// Sources: https://learn.microsoft.com/azure/templates/microsoft.web/sites/config-authsettingsv2 and
// MicrosoftDocs/azure-docs articles/app-service/configure-authentication-provider-aad.md ("managed identity instead of a secret").

param functionAppName string

@description('Application (client) id of the console app registration that defines the Operator and Reader roles (infra/scripts/console-app-registration.sh).')
param clientId string

@description('Routes reachable without signing in: the webhooks, which authenticate their senders themselves.')
param unauthenticatedPaths array

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      // Browsers are sent to sign in; API calls without a token get 401 (Easy Auth answers non-browser requests so).
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: unauthenticatedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

output requireAuthentication bool = auth.properties.globalValidation.requireAuthentication
