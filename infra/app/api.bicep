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

@description('NCRONTAB (6 fields, UTC) for the JAGGAER suppliers -> X3 poll; runs before the purchase order poll.')
param jaggaerSuppliersX3Schedule string

@description('NCRONTAB (6 fields, UTC) for the JAGGAER purchase orders -> X3 poll.')
param jaggaerX3Schedule string

@description('NCRONTAB (6 fields, UTC) for the SPS Commerce orders (out/PO/) -> X3 sales orders poll.')
param spsX3Schedule string

@description('NCRONTAB (6 fields, UTC) for the X3 sales orders -> SPS acknowledgments (855) poll.')
param x3SpsAcksSchedule string

@description('NCRONTAB (6 fields, UTC) for the X3 sales invoices -> SPS invoices (810) poll.')
param x3SpsInvoicesSchedule string
@description('NCRONTAB (6 fields, UTC) for the X3 sales deliveries -> SPS ship notices (856) poll.')
param x3SpsShipmentsSchedule string
@description('NCRONTAB (6 fields, UTC) for the X3 purchase orders -> Stedi 850 poll.')
param x3StediSchedule string

@description('NCRONTAB (6 fields, UTC) for the X3 customer invoices -> Stedi 810 poll.')
param x3StediInvoicesSchedule string

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
  // The built-in authentication (app/auth.bicep) proves the console app registration with this identity, not a secret.
  OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
  WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
  // Only used without a Key Vault (the local runtime's encrypted file).
  SecretStore__LocalPath: ''
  ProcurifyX3_Schedule: procurifyX3Schedule
  X3AdobeFulfillment_Schedule: x3AdobeFulfillmentSchedule
  ProcurifyRequisitionsX3_Schedule: procurifyRequisitionsX3Schedule
  JaggaerSuppliersX3_Schedule: jaggaerSuppliersX3Schedule
  JaggaerX3_Schedule: jaggaerX3Schedule
  SpsX3_Schedule: spsX3Schedule
  X3SpsAcks_Schedule: x3SpsAcksSchedule
  X3SpsInvoices_Schedule: x3SpsInvoicesSchedule
  X3SpsShipments_Schedule: x3SpsShipmentsSchedule
  X3Stedi_Schedule: x3StediSchedule
  X3StediInvoices_Schedule: x3StediInvoicesSchedule
  Maintenance_Schedule: '0 */15 * * * *'
  // Connector defaults; per-customer values (URLs, client ids, folder) come in additionalAppSettings.
  Procurify__Domain: ''
  Procurify__BaseUrl: ''
  Procurify__ClientId: ''
  Procurify__Audience: 'https://api.procurify.com/'
  Procurify__PageSize: '50'
  Procurify__PurchaseOrderPageSize: '100'
  Procurify__PurchaseOrderRole: 'purchased'
  Procurify__PurchaseOrderStatus: 'all'
  ProcurifyX3__MatchVendorExternalId: 'true'
  ProcurifyX3__RequireCostCentre: 'true'
  ProcurifyX3__NonCatalogueItemCode: ''
  ProcurifyX3__DefaultUnit: 'UN'
  ProcurifyX3__Site: ''
  ProcurifyX3__FreightItemCode: ''
  ProcurifyX3__OtherChargeItemCode: ''
  ProcurifyX3__DiscountItemCode: ''
  // JAGGAER: the instance host is per customer (e.g. https://acme.jaggaer.com); the client secret is in Key Vault.
  Jaggaer__BaseUrl: ''
  Jaggaer__ClientId: ''
  Jaggaer__Realm: 'J1p-integrations'
  Jaggaer__SupplierPath: 'j1p/api/public/ja/v1/companyprofiles'
  Jaggaer__PurchaseOrderPath: 'j1p/api/public/ji/v1/purchaseorders'
  Jaggaer__SupplierFilter: 'TYPE==SELLER'
  Jaggaer__SupplierComponents: 'USER'
  JaggaerX3__SupplierCodePrefix: 'JG'
  JaggaerX3__GlAccountSegment: 'Account'
  JaggaerX3__CostCentreSegment: 'CostCenter'
  JaggaerX3__RequireCostCentre: 'false'
  JaggaerX3__NonCatalogueItemCode: ''
  JaggaerX3__DefaultUnit: 'UN'
  JaggaerX3__Site: ''
  // SPS Commerce: one Machine-to-Machine app per customer; its client secret is the Key Vault secret
  // 'sps-commerce-client-secret', read at run time by the secret store (SecretStore__KeyVaultUri) with the app's identity.
  SpsCommerce__ApiUrl: 'https://api.spscommerce.com'
  SpsCommerce__TokenUrl: 'https://auth.spscommerce.com/oauth/token'
  SpsCommerce__ClientId: ''
  SpsCommerce__Audience: 'https://spscommerce.com'
  SpsCommerce__OrdersFolder: 'out/PO/'
  SpsCommerce__UploadFolder: 'in/'
  SpsCommerce__PageSize: '100'
  SpsCommerceX3__Site: ''
  SpsCommerceX3__DefaultCurrency: 'USD'
  SpsCommerceX3__EachUnit: 'UN'
  SpsCommerceX3__TotalTolerance: '0.01'
  SpsCommerceX3__CancellationWaitSeconds: '20'
  SpsCommerceX3__SsccCompanyPrefix: '0614141'
  // Stedi: empty BaseUrl leaves the connector off; the API key is Key Vault secret stedi-api-key (param stediApiKey),
  // the webhook credential secret stedi-webhook-credential.
  Stedi__BaseUrl: ''
  Stedi__InterchangeUsageIndicator: ''
  Stedi__X12Release: '004010'
  Stedi__RepairDelimiterConflicts: 'false'
  Stedi__WebhookAuthMode: 'ApiKey'
  Stedi__WebhookApiKeyHeader: 'Authorization'
  Stedi__WebhookBasicUser: ''
  Stedi__WebhookMaxBodyBytes: '2097152'
  SageX3__ServerUrl: ''
  SageX3__Port: ''
  SageX3__Endpoint: 'SEED'
  SageX3__Mode: 'Rest'
  SageX3__User: ''
  SageX3__ClientId: ''
  SageX3__TokenValidity: '00:05:00'
  SageX3__CloudGatewayUrl: ''
  SageX3__PurchaseOrderRepresentation: 'PORDER'
  SageX3__SupplierRepresentation: 'BPSUPPLIER'
  SageX3__SupplierInvoiceRepresentation: 'PINVOICE'
  SageX3__GlAccountRepresentation: 'GACCOUNT'
  SageX3__DimensionRepresentation: 'CACCE'
  SageX3__ProductRepresentation: 'ITMMASTER'
  SageX3__ReceiptRepresentation: 'PRECEIPT'
  SageX3__DeliveryRepresentation: 'SDELIVERY'
  SageX3__SalesOrderRepresentation: 'SORDER'
  SageX3__CustomerRepresentation: 'BPCUSTOMER'
  SageX3__SalesInvoiceRepresentation: 'SINVOICE'
  SageX3__PurchaseOrderLinesProperty: 'PORDERP'
  SageX3__SupplierInvoiceLinesProperty: 'PINVOICED'
  SageX3__ReceiptLinesProperty: 'PRECEIPTD'
  SageX3__DeliveryLinesProperty: 'SDELIVERYD'
  SageX3__SalesOrderLinesProperty: 'SORDERQ'
  SageX3__DefaultSalesSite: ''
  SageX3__SalesInvoiceLinesProperty: 'SINVOICED'
  SageX3__ExternalReferenceField: 'YEXTREF'
  SageX3__AcknowledgmentStatusField: 'YACKSTA'
  SageX3__AcknowledgmentDateField: 'YACKDAT'
  SageX3__DefaultSite: ''
  SageX3__PageSize: '100'
  SageX3__ReferenceDataCacheLifetime: '00:05:00'
  SageX3__FieldLengths__ITMDES: '30'
  SageX3__PurchaseOrderWriteRepresentation: 'YMLPOH'
  SageX3__SupplierWriteRepresentation: 'YMLBPS'
  SageX3__SupplierInvoiceWriteRepresentation: 'YMLPIH'
  SageX3__ReceiptWriteRepresentation: 'YMLPTH'
  SageX3__SalesOrderWriteRepresentation: 'YMLSOH'
  SageX3__GraphQlRootPrefix: 'x3'
  SageX3__GraphQlFields__PurchaseOrderLine__ACC: 'account._id'
  SageX3__ReceiptStockStatus: 'A'
  AdobeCommerce__BaseUrl: ''
  AdobeCommerce__AuthMode: 'OAuth1'
  AdobeCommerce__ConsumerKey: ''
  AdobeCommerce__AccessToken: ''
  AdobeCommerce__OAuthSignatureMethod: 'HmacSha256'
  AdobeCommerce__ImsClientId: ''
  AdobeCommerce__ImsOrgId: ''
  AdobeCommerce__ImsTokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3'
  AdobeCommerce__ImsScopes: 'openid,AdobeID,email,profile,additional_info.roles,additional_info.projectedProductContext,commerce.accs'
  AdobeCommerce__WebhookScheme: 'CommerceRsa'
  AdobeCommerce__WebhookSignatureHeader: 'x-adobe-commerce-webhook-signature'
  AdobeCommerce__WebhookHmacEncoding: 'Base64'
  AdobeCommerce__WebhookPublicKeyPem: ''
  AdobeCommerce__IoEventsPublicKey1Pem: ''
  AdobeCommerce__IoEventsPublicKey2Pem: ''
  AdobeCommerce__RecipientClientId: ''
  AdobeCommerce__WebhookMaxBodyBytes: '1048576'
  AdobeCommerce__PurchaseOrderNumberField: 'payment.po_number'
  AdobeCommerce__AmountTolerance: '0.01'
  AdobeCommerce__AmountTolerancePercent: ''
  AdobeCommerce__DefaultGlAccount: ''
  AdobeCommerce__NotifyCustomerOnShipment: ''
  AdobeCommerce__PageSize: '100'
  // Engine (PipelineOptions). NamePrefix must stay empty here: the queue triggers bind to `map` and `write`.
  Pipeline__NamePrefix: ''
  Pipeline__StraightThroughWrites: 'true'
  Pipeline__MappingCacheSeconds: '30'
  Pipeline__IntakeConcurrency: '16'
  Pipeline__IntakeMaxBacklog: '0'
  Pipeline__MaxConcurrentWrites: '0'
  Pipeline__ClaimCheckThresholdBytes: '48000'
  Pipeline__MaxDeferralMinutes: '1440'
  Pipeline__StalledIntakeSeconds: '600'
  Pipeline__InboxLeftoverSeconds: '120'
  Pipeline__WriteClaimSeconds: '240'
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
