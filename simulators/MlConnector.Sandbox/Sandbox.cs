using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Connectors.Jaggaer;
using MlConnector.Connectors.Procurify;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SpsCommerce;
using MlConnector.Connectors.Stedi;
using MlConnector.Core.Mapping;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Mapping;
using MlConnector.Simulators.AdobeCommerce;
using MlConnector.Simulators.Jaggaer;
using MlConnector.Simulators.Procurify;
using MlConnector.Simulators.Procurify.Seeding;
using MlConnector.Simulators.SageX3;
using MlConnector.Simulators.SpsCommerce;
using MlConnector.Simulators.SpsCommerce.Seeding;
using MlConnector.Simulators.Stedi;
using JaggaerSeedRequest = MlConnector.Simulators.Jaggaer.Seeding.SeedRequest;
using JaggaerSeedScenario = MlConnector.Simulators.Jaggaer.Seeding.SeedScenario;

namespace MlConnector.Sandbox;

/// <summary>
/// Every simulated system on loopback plus the settings and secrets that point ml-connector at them: what the
/// demo, the benchmark and the end-to-end tests run against. Customers point the same settings at real systems.
/// </summary>
public sealed class Sandbox : IAsyncDisposable
{
    /// <summary>The Stedi trading partner the sandbox sets up (partnership id and ISA id) and the X3 supplier mapped to it.</summary>
    public const string StediPartnership = "me_acme-parts";
    public const string StediSupplier = "SUPEDI1";
    public const string StediCustomer = "CUSEDI1";
    public const string StediWebhookCredential = "Bearer sandbox-stedi-webhook";

    private Sandbox(SageX3Simulator x3, ProcurifySimulator procurify, AdobeCommerceSimulator adobe, JaggaerSimulator jaggaer, SpsCommerceSimulator sps, StediSimulator stedi)
    {
        X3 = x3;
        Procurify = procurify;
        Adobe = adobe;
        Jaggaer = jaggaer;
        Sps = sps;
        Stedi = stedi;
    }

    public SageX3Simulator X3 { get; }

    public ProcurifySimulator Procurify { get; }

    public AdobeCommerceSimulator Adobe { get; }

    public JaggaerSimulator Jaggaer { get; }

    public SpsCommerceSimulator Sps { get; }

    public StediSimulator Stedi { get; }

    public static async Task<Sandbox> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var x3 = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { Time = time, SeedDemoData = false }, cancellationToken);
        var procurify = await ProcurifySimulator.StartAsync(new ProcurifySimulatorOptions { Time = time }, cancellationToken);
        var adobe = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { Time = time }, cancellationToken);
        var jaggaer = await JaggaerSimulator.StartAsync(new JaggaerSimulatorOptions { Time = time }, cancellationToken);
        var sps = await SpsCommerceSimulator.StartAsync(new SpsCommerceSimulatorOptions { Time = time }, cancellationToken);
        var stedi = await StediSimulator.StartAsync(new StediSimulatorOptions
        {
            Time = time,
            WebhookApiKey = ("Authorization", StediWebhookCredential),
            WebhookRetryDelay = TimeSpan.FromMilliseconds(200),
        }, cancellationToken);
        stedi.AddTradingPartner(StediPartnership, "ACMEPARTS");
        return new Sandbox(x3, procurify, adobe, jaggaer, sps, stedi);
    }

    /// <summary>App settings (configuration keys) that connect every connector to its simulator.</summary>
    public IReadOnlyDictionary<string, string?> Settings(string storageConnectionString, string namePrefix, string secretsDirectory) => new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["Pipeline:NamePrefix"] = namePrefix,
        ["SecretStore:LocalPath"] = secretsDirectory,
        ["SageX3:ServerUrl"] = X3.BaseAddress.ToString().TrimEnd('/'),
        ["SageX3:Endpoint"] = "SEED",
        ["SageX3:Mode"] = "Rest",
        ["SageX3:User"] = "admin",
        ["SageX3:DefaultSite"] = "US011",
        ["Procurify:Domain"] = new ProcurifySimulatorOptions().Domain,
        ["Procurify:BaseUrl"] = Procurify.BaseAddress.ToString().TrimEnd('/'),
        ["Procurify:ClientId"] = Procurify.Options.ClientId,
        ["AdobeCommerce:BaseUrl"] = Adobe.RestBaseAddress.ToString(),
        ["AdobeCommerce:AuthMode"] = "OAuth1",
        ["AdobeCommerce:ConsumerKey"] = new AdobeCommerceSimulatorOptions().ConsumerKey,
        ["AdobeCommerce:AccessToken"] = new AdobeCommerceSimulatorOptions().AccessToken,
        ["AdobeCommerce:WebhookScheme"] = "CommerceRsa",
        ["AdobeCommerce:WebhookPublicKeyPem"] = Adobe.Webhooks.CommercePublicKeyPem,
        ["AdobeCommerce:DefaultGlAccount"] = "60710",
        ["Jaggaer:BaseUrl"] = Jaggaer.BaseAddress.ToString().TrimEnd('/'),
        ["Jaggaer:ClientId"] = Jaggaer.Options.ClientId,
        ["SpsCommerce:ApiUrl"] = Sps.BaseAddress.ToString().TrimEnd('/'),
        ["SpsCommerce:TokenUrl"] = Sps.TokenAddress.ToString(),
        ["SpsCommerce:ClientId"] = Sps.Options.ClientId,
        ["Stedi:BaseUrl"] = Stedi.ApiBaseAddress.ToString(),
    };

    /// <summary>The simulators' credentials, stored the way a customer stores real ones.</summary>
    public async Task StoreSecretsAsync(ISecretStore secrets, CancellationToken cancellationToken)
    {
        var adobe = new AdobeCommerceSimulatorOptions();
        await secrets.SetSecretAsync(SageX3SecretNames.RestPassword, new SageX3SimulatorOptions().Users["admin"], cancellationToken);
        await secrets.SetSecretAsync(ProcurifySecretNames.ClientSecret, Procurify.Options.ClientSecret, cancellationToken);
        await secrets.SetSecretAsync(AdobeCommerceSecretNames.ConsumerSecret, adobe.ConsumerSecret, cancellationToken);
        await secrets.SetSecretAsync(AdobeCommerceSecretNames.AccessTokenSecret, adobe.AccessTokenSecret, cancellationToken);
        await secrets.SetSecretAsync(JaggaerSecretNames.ClientSecret, Jaggaer.Options.ClientSecret, cancellationToken);
        await secrets.SetSecretAsync(SpsCommerceSecretNames.ClientSecret, Sps.Options.ClientSecret, cancellationToken);
        await secrets.SetSecretAsync(StediSecretNames.ApiKey, Stedi.Options.ApiKeys[0], cancellationToken);
        await secrets.SetSecretAsync(StediSecretNames.WebhookCredential, StediWebhookCredential, cancellationToken);
    }

    /// <summary>
    /// Seeds X3 with <paramref name="ediOrders"/> purchase orders for the EDI supplier <see cref="StediSupplier"/> (mapped to
    /// <see cref="StediPartnership"/> in the trading-partner table) and <paramref name="paperOrders"/> for a supplier who
    /// does not trade by EDI; points Stedi's webhook destination at <paramref name="webhook"/> when given. Returns the EDI order numbers.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedStediAsync(int ediOrders, int paperOrders, TableMappingTables mappings, Uri? webhook, CancellationToken cancellationToken)
    {
        X3.SeedSupplier(StediSupplier, "Acme Parts (EDI)");
        X3.SeedSupplier("SUPPAPER", "Paper Supplies (no EDI)");
        X3.SeedProduct("ITM-EDI1", "Bolt M6");
        X3.SeedProduct("ITM-EDI2", "Nut M6");
        await mappings.SetAsync(MappingTableNames.TradingPartner, StediSupplier, StediPartnership, cancellationToken);
        await mappings.SetAsync(StediNames.TransactionSettingTable, $"{StediPartnership}:850", Stedi.SettingId(StediPartnership, "850", "outbound"), cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var numbers = new List<string>();
        for (var i = 1; i <= ediOrders; i++)
        {
            numbers.Add(X3.SeedPurchaseOrder(StediSupplier, today,
                [new MlConnector.Simulators.SageX3.SimulatedOrderLine(1000, "ITM-EDI1", "Bolt M6", 10 * i, "UN", 1.25m), new MlConnector.Simulators.SageX3.SimulatedOrderLine(2000, "ITM-EDI2", "Nut M6", 5, "UN", 0.4m)],
                number: $"POEDI{i:D4}"));
        }

        for (var i = 1; i <= paperOrders; i++)
        {
            X3.SeedPurchaseOrder("SUPPAPER", today, [new MlConnector.Simulators.SageX3.SimulatedOrderLine(1000, "ITM-EDI1", "Bolt M6", 1, "UN", 1.25m)], number: $"POPAP{i:D4}");
        }

        if (webhook is not null)
        {
            Stedi.Options.WebhookUrl = webhook;
        }

        return numbers;
    }

    /// <summary>
    /// Seeds X3 customer invoices: <paramref name="validated"/> validated ones and one draft for the EDI customer
    /// <see cref="StediCustomer"/> (mapped to <see cref="StediPartnership"/>), and one for a customer without EDI.
    /// Returns the validated invoice numbers.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedStediInvoicesAsync(int validated, TableMappingTables mappings, CancellationToken cancellationToken)
    {
        await mappings.SetAsync(MappingTableNames.TradingPartner, StediCustomer, StediPartnership, cancellationToken);
        await mappings.SetAsync(StediNames.TransactionSettingTable, $"{StediPartnership}:810", Stedi.SettingId(StediPartnership, "810", "outbound"), cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var numbers = new List<string>();
        for (var i = 1; i <= validated; i++)
        {
            numbers.Add(X3.SeedSalesInvoice($"SIEDI{i:D4}", StediCustomer, "Acme Retail (EDI)", today, $"ACME-PO-{i:D4}",
                [("ITM-EDI1", "Bolt M6", 10 * i, "UN", 1.25m, 1.00m), ("ITM-EDI2", "Nut M6", 5, "UN", 0.4m, 0.16m)]));
        }

        X3.SeedSalesInvoice("SIEDIDRAFT", StediCustomer, "Acme Retail (EDI)", today, "ACME-PO-DRAFT", [("ITM-EDI1", "Bolt M6", 1, "UN", 1.25m, 0m)], validated: false);
        X3.SeedSalesInvoice("SIPAPER01", "CUSPAPER", "Paper customer (no EDI)", today, "PAPER-1", [("ITM-EDI1", "Bolt M6", 1, "UN", 1.25m, 0m)]);
        return numbers;
    }

    /// <summary>
    /// Seeds Procurify with purchase orders (a share deliberately unmappable), X3 with the suppliers, GL accounts,
    /// cost centres and products the mappable ones need, and the mapping tables with every mapping but the missing ones.
    /// </summary>
    public async Task<SeedScenario> SeedProcurifyAsync(SeedRequest request, TableMappingTables mappings, CancellationToken cancellationToken)
    {
        var scenario = Procurify.Seed(request);
        foreach (var supplier in scenario.X3Suppliers)
        {
            X3.SeedSupplier(supplier, $"Supplier {supplier}");
        }

        foreach (var account in scenario.X3GlAccounts)
        {
            X3.SeedGlAccount(account, $"GL {account}");
        }

        foreach (var centre in scenario.X3CostCentres)
        {
            X3.SeedCostCentre(centre, $"Cost centre {centre}");
        }

        foreach (var product in scenario.X3Products)
        {
            X3.SeedProduct(product, $"Product {product}");
        }

        await ImportAsync(mappings, MappingTableNames.VendorToSupplier, scenario.VendorToSupplier, cancellationToken);
        await ImportAsync(mappings, MappingTableNames.CostCodeToGlAccount, scenario.AccountCodeToGlAccount, cancellationToken);
        await ImportAsync(mappings, MappingTableNames.DepartmentToCostCentre, scenario.DepartmentToCostCentre, cancellationToken);
        return scenario;
    }

    /// <summary>
    /// Seeds JAGGAER with suppliers and purchase orders (a share charging a GL account X3 lacks), and X3 with the GL
    /// accounts, cost centres and products the orders need. X3 gets no suppliers: the supplier flow creates them.
    /// </summary>
    public JaggaerSeedScenario SeedJaggaer(JaggaerSeedRequest request)
    {
        var scenario = Jaggaer.Seed(request);
        foreach (var account in scenario.X3GlAccounts)
        {
            X3.SeedGlAccount(account, $"GL {account}");
        }

        foreach (var centre in scenario.X3CostCentres)
        {
            X3.SeedCostCentre(centre, $"Cost centre {centre}");
        }

        foreach (var product in scenario.X3Products)
        {
            X3.SeedProduct(product, $"Product {product}");
        }

        return scenario;
    }

    /// <summary>
    /// Drops trading partners' RSX orders into SPS's <c>out/PO/</c> (some from an unmapped partner, some naming an unknown
    /// item, some not RSX at all), seeds X3 with the customers and items, and the mapping tables with the known partners
    /// and the buyer part numbers that need one.
    /// </summary>
    public async Task<OrderSeedScenario> SeedSpsAsync(OrderSeedRequest request, TableMappingTables mappings, CancellationToken cancellationToken)
    {
        var scenario = Sps.SeedOrders(request);
        foreach (var (partner, customer) in scenario.PartnerToCustomer)
        {
            X3.SeedCustomer(customer, $"Retailer {partner}");
        }

        foreach (var item in scenario.X3Items)
        {
            X3.SeedProduct(item, $"Item {item}");
        }

        await ImportAsync(mappings, MappingTableNames.TradingPartner, scenario.PartnerToCustomer, cancellationToken);
        await ImportAsync(mappings, MappingTableNames.ItemNumber, scenario.BuyerPartToItem, cancellationToken);
        foreach (var (table, rows) in scenario.ExtraMappings)
        {
            await ImportAsync(mappings, table, rows, cancellationToken);
        }

        return scenario;
    }

    public async ValueTask DisposeAsync()
    {
        await Sps.DisposeAsync();
        await Stedi.DisposeAsync();
        await Jaggaer.DisposeAsync();
        await Adobe.DisposeAsync();
        await Procurify.DisposeAsync();
        await X3.DisposeAsync();
    }

    private static async Task ImportAsync(TableMappingTables mappings, string table, IReadOnlyDictionary<string, string> rows, CancellationToken cancellationToken)
    {
        foreach (var (source, target) in rows)
        {
            await mappings.SetAsync(table, source, target, cancellationToken);
        }
    }
}
