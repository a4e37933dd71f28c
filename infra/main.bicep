// ml-connector: one deployment per customer with `azd up`.
// Plain resource declarations (no br/public registry modules) so the templates build and lint with no
// access to the public module registry, and a deployment is reproducible from this repository alone.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for every resource (Flex Consumption must be offered there).')
param location string

@description('Object id of whoever runs azd (AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer to set connector secrets.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB (6 fields, UTC) for the Procurify -> X3 poll.')
param procurifyX3Schedule string = '0 0 * * * *'

@description('NCRONTAB (6 fields, UTC) for the X3 fulfillment -> Adobe Commerce poll.')
param x3AdobeFulfillmentSchedule string = '0 0 6 * * *'

@description('NCRONTAB (6 fields, UTC) for the Procurify approved requisitions -> X3 poll.')
param procurifyRequisitionsX3Schedule string = '0 30 * * * *'

@description('NCRONTAB (6 fields, UTC) for the JAGGAER suppliers -> X3 poll; runs before the purchase order poll.')
param jaggaerSuppliersX3Schedule string = '0 45 5 * * *'

@description('NCRONTAB (6 fields, UTC) for the JAGGAER purchase orders -> X3 poll.')
param jaggaerX3Schedule string = '0 0 6 * * *'

@description('NCRONTAB (6 fields, UTC) for the SPS Commerce orders (out/PO/) -> X3 sales orders poll.')
param spsX3Schedule string = '0 */15 * * * *'

@description('NCRONTAB (6 fields, UTC) for the X3 sales orders -> SPS acknowledgments (855) poll.')
param x3SpsAcksSchedule string = '0 5-59/15 * * * *'

@description('NCRONTAB (6 fields, UTC) for the X3 sales invoices -> SPS invoices (810) poll.')
param x3SpsInvoicesSchedule string = '0 10-59/15 * * * *'
@description('NCRONTAB (6 fields, UTC) for the X3 sales deliveries -> SPS ship notices (856) poll.')
param x3SpsShipmentsSchedule string = '0 7-59/15 * * * *'
@description('NCRONTAB (6 fields, UTC) for the X3 purchase orders -> Stedi 850 poll.')
param x3StediSchedule string = '0 */15 * * * *'

@description('NCRONTAB (6 fields, UTC) for the X3 customer invoices -> Stedi 810 poll.')
param x3StediInvoicesSchedule string = '0 5,20,35,50 * * * *'

@secure()
@description('Stedi API key (STEDI_API_KEY); stored in Key Vault as stedi-api-key. Empty leaves the secret to be set by hand.')
param stediApiKey string = ''

@description('Per-customer, non-secret app settings (object of name: value) merged over the defaults.')
param additionalAppSettings object = {}

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Keep deleted secrets recoverable; once on it cannot be turned off.')
param keyVaultPurgeProtection bool = true

@minLength(1)
@description('Client id of the Entra app registration guarding the operator console and admin API (CONSOLE_AUTH_CLIENT_ID, set by the preprovision hook).')
param consoleAuthClientId string

@description('Email for alerts; empty to create the alerts without notifications.')
param alertEmail string = ''

@description('Minutes of source lag that raise the lag alert.')
param sourceLagAlertMinutes int = 120

@description('Failed map/write attempts per flow in 15 minutes that raise the failures alert.')
param failedAttemptsAlertThreshold int = 10

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Must match the service name in azure.yaml.
var serviceName = 'connector'
var functionAppName = '${abbrs.webSitesFunctions}${serviceName}-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
// Names known before deployment, so role assignment names and What-If predictions do not wait on outputs.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${serviceName}-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    stediApiKey: stediApiKey
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    identityName: identityName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    procurifyX3Schedule: procurifyX3Schedule
    x3AdobeFulfillmentSchedule: x3AdobeFulfillmentSchedule
    procurifyRequisitionsX3Schedule: procurifyRequisitionsX3Schedule
    jaggaerSuppliersX3Schedule: jaggaerSuppliersX3Schedule
    jaggaerX3Schedule: jaggaerX3Schedule
    spsX3Schedule: spsX3Schedule
    x3SpsAcksSchedule: x3SpsAcksSchedule
    x3SpsInvoicesSchedule: x3SpsInvoicesSchedule
    x3SpsShipmentsSchedule: x3SpsShipmentsSchedule
    x3StediSchedule: x3StediSchedule
    x3StediInvoicesSchedule: x3StediInvoicesSchedule
    additionalAppSettings: additionalAppSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The host reads storage and Key Vault at start-up: give it its roles first.
  dependsOn: [
    rbac
  ]
}

// Entra ID sign-in for everything but the webhooks (which verify their senders themselves).
module auth 'app/auth.bicep' = {
  name: 'auth'
  scope: rg
  params: {
    functionAppName: functionAppName
    clientId: consoleAuthClientId
    unauthenticatedPaths: [
      '/api/webhooks/adobe-commerce'
      '/api/webhooks/stedi'
    ]
  }
  dependsOn: [
    api
  ]
}

module alerts 'monitoring/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    location: location
    tags: tags
    namePrefix: '${abbrs.insightsScheduledQueryRules}${resourceToken}'
    alertEmail: alertEmail
    sourceLagAlertMinutes: sourceLagAlertMinutes
    failedAttemptsAlertThreshold: failedAttemptsAlertThreshold
    attentionPageUrl: 'https://${api.outputs.defaultHostName}/api/console/attention'
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_CONNECTOR_NAME string = api.outputs.name
output SERVICE_CONNECTOR_URI string = 'https://${api.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_USER_ASSIGNED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output CONSOLE_URL string = 'https://${api.outputs.defaultHostName}/api/console/'
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
