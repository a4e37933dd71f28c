// Flex Consumption plan + the function app, running as the user-assigned identity, with identity-based
// storage and Application Insights settings only (no key, connection secret or SAS anywhere).

param name string
param planName string
param location string
param tags object

@description('azd finds the app to deploy to by this tag; it must match the service name in azure.yaml.')
param serviceName string

param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string
param keyVaultUri string

@description('NCRONTAB (6 fields, UTC) for the Procurify -> X3 purchase order poll.')
param procurifyX3Schedule string

@description('NCRONTAB (6 fields, UTC) for the X3 fulfillment -> Adobe Commerce poll.')
param x3AdobeFulfillmentSchedule string

@description('NCRONTAB (6 fields, UTC) for the Procurify approved requisitions -> X3 poll.')
param procurifyRequisitionsX3Schedule string

@description('Per-customer, non-secret settings merged over the defaults below (e.g. connector base URLs).')
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

// Every setting the code reads (AppSettingNames and each [ConfigurationSection] options property as
// {Section}__{Property}) must be listed here; MlConnector.Deployment.Tests checks it.
var appSettings = {
  // Host storage through the app identity: blob (deployment, locks), queue (map/write), table (state).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential (Key Vault secret store) picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identityClientId
  SecretStore__KeyVaultUri: keyVaultUri
  // Only used without a Key Vault (the local runtime's encrypted file).
  SecretStore__LocalPath: ''
  ProcurifyX3_Schedule: procurifyX3Schedule
  X3AdobeFulfillment_Schedule: x3AdobeFulfillmentSchedule
  ProcurifyRequisitionsX3_Schedule: procurifyRequisitionsX3Schedule
  // Engine (PipelineOptions). NamePrefix must stay empty here: the queue triggers bind to `map` and `write`.
  Pipeline__NamePrefix: ''
  Pipeline__RecordBuckets: '16'
  Pipeline__MappingCacheSeconds: '30'
  Pipeline__IntakeConcurrency: '16'
  Pipeline__ClaimCheckThresholdBytes: '48000'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // '10.0', never '10': ARM accepts '10' but the host then never starts.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, additionalAppSettings)
}

// azd deploys through the deployment container with the identity: no publishing password is needed.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
