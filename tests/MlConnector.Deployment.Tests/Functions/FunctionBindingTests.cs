using System.Text.RegularExpressions;
using MlConnector.Core.Configuration;

namespace MlConnector.Deployment.Tests.Functions;

/// <summary>Triggers only bind to the shared stage classes: all behaviour lives in code both hosts run and the tests cover.</summary>
public sealed partial class FunctionBindingTests
{
    public static TheoryData<string, string, string> ExpectedBindings => new()
    {
        { "ProcurifyX3Poll", "[TimerTrigger(\"%ProcurifyX3_Schedule%\")]", "poller.PollAsync(\"procurify-x3\", cancellationToken)" },
        { "ProcurifyRequisitionsX3Poll", "[TimerTrigger(\"%ProcurifyRequisitionsX3_Schedule%\")]", "poller.PollAsync(\"procurify-requisitions-x3\", cancellationToken)" },
        { "JaggaerSuppliersX3Poll", "[TimerTrigger(\"%JaggaerSuppliersX3_Schedule%\")]", "poller.PollAsync(\"jaggaer-suppliers-x3\", cancellationToken)" },
        { "JaggaerX3Poll", "[TimerTrigger(\"%JaggaerX3_Schedule%\")]", "poller.PollAsync(\"jaggaer-x3\", cancellationToken)" },
        { "SpsX3Poll", "[TimerTrigger(\"%SpsX3_Schedule%\")]", "poller.PollAsync(\"sps-x3\", cancellationToken)" },
        { "X3SpsAcksPoll", "[TimerTrigger(\"%X3SpsAcks_Schedule%\")]", "poller.PollAsync(\"x3-sps-acks\", cancellationToken)" },
        { "X3SpsInvoicesPoll", "[TimerTrigger(\"%X3SpsInvoices_Schedule%\")]", "poller.PollAsync(\"x3-sps-invoices\", cancellationToken)" },
        { "X3SpsShipmentsPoll", "[TimerTrigger(\"%X3SpsShipments_Schedule%\")]", "poller.PollAsync(\"x3-sps-shipments\", cancellationToken)" },
        { "Maintenance", "[TimerTrigger(\"%Maintenance_Schedule%\")]", "maintenance.RunAsync(cancellationToken)" },
        { "X3AdobeFulfillmentPoll", "[TimerTrigger(\"%X3AdobeFulfillment_Schedule%\")]", "poller.PollAsync(\"x3-adobe-fulfillment\", cancellationToken)" },
        { "X3StediPoll", "[TimerTrigger(\"%X3Stedi_Schedule%\")]", "poller.PollAsync(\"x3-stedi\", cancellationToken)" },
        { "X3StediInvoicesPoll", "[TimerTrigger(\"%X3StediInvoices_Schedule%\")]", "poller.PollAsync(\"x3-stedi-invoices\", cancellationToken)" },
        { "StediWebhook", "[HttpTrigger(AuthorizationLevel.Anonymous, \"post\", Route = \"webhooks/stedi\")] HttpRequest request", "endpoint.HandleAsync(\"stedi-x3\", request, cancellationToken)" },
        { "MapQueue", "[QueueTrigger(\"map\")] QueueMessage message", "stage.HandleAsync(message.Body, message.DequeueCount, cancellationToken)" },
        { "WriteQueue", "[QueueTrigger(\"write\")] QueueMessage message", "stage.HandleAsync(message.Body, message.DequeueCount, cancellationToken)" },
        { "AdobeCommerceWebhook", "[HttpTrigger(AuthorizationLevel.Anonymous, \"post\", Route = \"webhooks/adobe-commerce\")] HttpRequest request", "endpoint.HandleAsync(\"adobe-commerce-x3\", request, cancellationToken)" },
        { "AdminStatus", "[HttpTrigger(AuthorizationLevel.Anonymous, \"get\", Route = \"admin/status\")] HttpRequest request", "endpoints.StatusAsync(request, cancellationToken)" },
        { "AdminHistory", "[HttpTrigger(AuthorizationLevel.Anonymous, \"get\", Route = \"admin/history\")] HttpRequest request", "endpoints.HistoryAsync(request, cancellationToken)" },
        { "AdminReplay", "[HttpTrigger(AuthorizationLevel.Anonymous, \"post\", Route = \"admin/replay\")] HttpRequest request", "endpoints.ReplayAsync(request, cancellationToken)" },
        { "AdminReprocess", "[HttpTrigger(AuthorizationLevel.Anonymous, \"post\", Route = \"admin/reprocess\")] HttpRequest request", "endpoints.ReprocessAsync(request, cancellationToken)" },
        { "OperatorConsole", "[HttpTrigger(AuthorizationLevel.Anonymous, \"get\", \"post\", Route = \"console/{*path}\")] HttpRequest request", "console.HandleAsync(request, cancellationToken)" },
    };

    [Theory]
    [MemberData(nameof(ExpectedBindings))]
    public void Function_binds_its_trigger_to_one_shared_call(string name, string trigger, string call)
    {
        FunctionDeclaration function = Assert.Single(FunctionSource.All(), f => f.Name == name);

        Assert.Contains(trigger, function.Header, StringComparison.Ordinal);
        Assert.Equal(call, Normalize(function.Body));
    }

    [Fact]
    public void Every_function_is_one_expression_calling_an_injected_shared_class()
    {
        IReadOnlyList<FunctionDeclaration> functions = FunctionSource.All();

        Assert.Equal(ExpectedBindings.Count, functions.Count);
        Assert.All(functions, f =>
        {
            Assert.True(SingleCall().IsMatch(Normalize(f.Body)), $"{f.File}: {f.Name} must be `=> injected.MethodAsync(...)`, got `{f.Body}`");
            Assert.Matches(SharedNamespaceImport(), f.FileText);
            Assert.DoesNotMatch(Logic(), f.Code);
        });
    }

    [Fact]
    public void One_function_per_file()
    {
        Assert.All(
            Directory.EnumerateFiles(FunctionSource.TriggersFolder, "*.cs"),
            path => Assert.Single(FunctionSource.Parse(path)));
    }

    [Fact]
    public void Timer_schedules_are_named_app_settings()
    {
        string[] scheduleSettings =
        [
            .. FunctionSource.All().SelectMany(f => ScheduleSetting().Matches(f.Header)).Select(m => m.Groups["setting"].Value),
        ];

        Assert.NotEmpty(scheduleSettings);
        Assert.All(scheduleSettings, s => Assert.Contains(s, AppSettingNames.All));
    }

    private static string Normalize(string expression) => Whitespace().Replace(expression, " ").Trim();

    [GeneratedRegex(@"^[a-z]\w*\.\w+Async\([^;{}]*\)$")]
    private static partial Regex SingleCall();

    [GeneratedRegex(@"using MlConnector\.(Pipeline\.(Stages|Http)|OperatorConsole);")]
    private static partial Regex SharedNamespaceImport();

    [GeneratedRegex(@"\b(if|switch|for|foreach|while|await|new|try|catch|throw)\b")]
    private static partial Regex Logic();

    [GeneratedRegex("""%(?<setting>[A-Za-z0-9_]+)%""")]
    private static partial Regex ScheduleSetting();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
