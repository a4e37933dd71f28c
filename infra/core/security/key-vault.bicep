@description('Key Vault name (3-24 letters, digits and dashes).')
param name string
param location string
param tags object

@description('Purge protection keeps deleted secrets (e.g. the X3 Cloud refresh token) recoverable for the retention period. It cannot be turned off once on.')
param enablePurgeProtection bool = true

@secure()
@description('Stedi API key; when given, stored as the secret stedi-api-key the app reads (empty: set it later with az keyvault secret set).')
param stediApiKey string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: the app identity and the operator get role assignments.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Stedi's static API key: the Stedi connector reads the secret named stedi-api-key through the app's secret store.
resource stediApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(stediApiKey)) {
  parent: vault
  name: 'stedi-api-key'
  properties: {
    value: stediApiKey
    contentType: 'Stedi API key (Authorization header value)'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
