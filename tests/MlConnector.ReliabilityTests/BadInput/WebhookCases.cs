using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Pipeline.Records;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.AdobeCommerce;
using AdobeLine = MlConnector.Simulators.AdobeCommerce.SimulatedOrderLine;
using X3Line = MlConnector.Simulators.SageX3.SimulatedOrderLine;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// Webhook deliveries posted over HTTP to a running `mlc run` (Adobe Commerce signed as the Commerce webhooks module
/// signs, Stedi with the destination's credential header). A delivery answered 200 is followed through the pipeline to
/// its record: rejected with a reason, or written to the X3 simulator.
/// </summary>
internal sealed class WebhookCases(ReliabilityWorld world, RuntimeProcess runtime)
{
    public const string AdobeIntake = "adobe-commerce-webhook";
    public const string StediIntake = "stedi-webhook";
    public const string AdobeFlow = "adobe-commerce-x3";
    public const string StediFlow = "stedi-x3";

    /// <summary>The X3 purchase order every corpus order pays (4 x 25 USD), so a valid order is written.</summary>
    private const string PoNumber = "POCRP00001";
    private const string Product = "ITM-CRP-1";

    private readonly HttpClient _http = new() { BaseAddress = runtime.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<(CorpusCase Case, string Key)> _admitted = [];
    private readonly List<CorpusCase> _ignored = [];

    public void SeedX3()
    {
        world.Sandbox.X3.SeedSupplier("SUPCRP", "Corpus supplier");
        world.Sandbox.X3.SeedProduct(Product, "Widget");
        world.Sandbox.X3.SeedGlAccount("60710", "Purchases of goods");
        world.Sandbox.X3.SeedPurchaseOrder("SUPCRP", new DateOnly(2025, 3, 3), [new X3Line(1, Product, "Widget", 4, "UN", 25m, "60710")], number: PoNumber);
    }

    /// <summary>Posts the delivery; a refusal or an acknowledgment without admission is its result, an admission is followed later.</summary>
    public async Task<CaseResult?> PostAsync(CorpusCase corpusCase)
    {
        var (path, body, headers, key) = corpusCase.Intake == AdobeIntake ? Adobe(corpusCase) : Stedi(corpusCase);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var flow = corpusCase.Intake == AdobeIntake ? AdobeFlow : StediFlow;
        var refusalsBefore = await RefusalsAsync(flow);
        using var response = await _http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status != 200)
        {
            return new CaseResult(corpusCase, "refused", status, Detail(answer));
        }

        // The Commerce webhooks module blocks checkout on anything but {"op":"success"}, so a refused delivery is answered
        // success too: the refusal audit (what the console shows) says whether it was refused, and why.
        var refusals = await RefusalsAsync(flow);
        if (refusals.Count > refusalsBefore.Count)
        {
            return new CaseResult(corpusCase, "refused", status, refusals[0].Reason);
        }

        if (answer.Contains("\"ignored\"", StringComparison.Ordinal))
        {
            _ignored.Add(corpusCase);
            return null;
        }

        _admitted.Add((corpusCase, key ?? string.Empty));
        return null;
    }

    /// <summary>
    /// Waits until every admitted delivery's record is in a terminal state, then says what became of each; and gives each
    /// delivery acknowledged without admission the reasons the runtime logged (read last, once its output is flushed).
    /// </summary>
    public async Task<IReadOnlyList<CaseResult>> FinishAsync(TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        var results = new List<CaseResult>();
        foreach (var (corpusCase, key) in _admitted)
        {
            RecordEntity? row;
            do
            {
                row = await world.Records.GetAsync(AdobeFlow, key, CancellationToken.None);
                if (row?.StatusValue is RecordStatus.Rejected or RecordStatus.Written or RecordStatus.Failed)
                {
                    break;
                }

                await Task.Delay(250);
            }
            while (DateTimeOffset.UtcNow < deadline);

            var inX3 = world.Sandbox.X3.SupplierInvoices().Any(invoice => invoice["YEXTREF"]?.ToString() == key);
            var outcome = row?.StatusValue switch
            {
                RecordStatus.Rejected when inX3 => "rejected but written to X3",
                RecordStatus.Rejected => "rejected",
                RecordStatus.Written when inX3 => "written",
                RecordStatus.Written => "written but absent from X3",
                RecordStatus.Failed => "failed",
                null => "admitted but never recorded",
                _ => $"stuck in {row.StatusValue}",
            };
            results.Add(new CaseResult(corpusCase, outcome, 200, row?.Reason ?? string.Empty));
        }

        var ignoredReasons = IgnoredReasons();
        results.AddRange(_ignored.Select(corpusCase => new CaseResult(corpusCase, "ignored", 200, ignoredReasons)));
        return results;
    }

    private (string Path, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Key) Adobe(CorpusCase corpusCase)
    {
        var options = corpusCase.Text("signature") switch
        {
            "valid" => new WebhookSendOptions(),
            "missing" => new WebhookSendOptions { OmitSignatureHeader = true },
            "wrong-key" => new WebhookSendOptions { UseWrongKey = true },
            "tampered" => new WebhookSendOptions { TamperBody = true },
            var other => throw new InvalidDataException($"{corpusCase.Id}: unknown signature '{other}'"),
        };
        var senders = world.Sandbox.Adobe.Webhooks;
        if (corpusCase.Input.TryGetProperty("order", out var spec))
        {
            var incrementId = spec.GetProperty("incrementId").GetString()!;
            var order = world.Sandbox.Adobe.SeedOrder(new SimulatedOrder(incrementId, PoNumber, [new AdobeLine(Product, "Widget", 4, 25m, TaxPercent: 10)]));
            if (spec.TryGetProperty("set", out var changes))
            {
                JsonPointerEdits.Apply(order, changes);
            }

            var prepared = senders.Prepare(order, WebhookSigningScheme.CommerceRsa, options);
            return ("api/webhooks/adobe-commerce", prepared.Body, prepared.Headers, incrementId);
        }

        var raw = senders.PrepareRaw(Body(corpusCase), WebhookSigningScheme.CommerceRsa, options);
        return ("api/webhooks/adobe-commerce", raw.Body, raw.Headers, null);
    }

    private static (string Path, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Key) Stedi(CorpusCase corpusCase)
    {
        const string Valid = Sandbox.Sandbox.StediWebhookCredential;
        string? credential = corpusCase.Text("credential") switch
        {
            "valid" => Valid,
            "missing" => null,
            "wrong" => "Bearer not-the-credential",
            "suffixed" => Valid + "x",
            "basic" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:sandbox-stedi-webhook")),
            "empty" => string.Empty,
            "case" => Valid.ToUpperInvariant(),
            var other => throw new InvalidDataException($"{corpusCase.Id}: unknown credential '{other}'"),
        };
        var headers = credential is null ? [] : new List<KeyValuePair<string, string>> { new("Authorization", credential) };
        return ("api/webhooks/stedi", Body(corpusCase), headers, null);
    }

    private static byte[] Body(CorpusCase corpusCase)
    {
        if (corpusCase.Text("bodyBase64") is { } encoded)
        {
            return Convert.FromBase64String(encoded);
        }

        if (corpusCase.Input.TryGetProperty("bodyRepeat", out var repeat))
        {
            return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeat.GetProperty("text").GetString(), repeat.GetProperty("count").GetInt32())));
        }

        return Encoding.UTF8.GetBytes(corpusCase.Text("body")!);
    }

    private Task<IReadOnlyList<(DateTimeOffset At, string Reason)>> RefusalsAsync(string flow) =>
        world.Services.GetRequiredService<RefusalAudit>().RecentAsync(flow, 1000, CancellationToken.None);

    /// <summary>The problem details' reason, or the raw answer when it is not one.</summary>
    private static string Detail(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? answer : answer;
        }
        catch (JsonException)
        {
            return answer;
        }
    }

    /// <summary>An acknowledged delivery that was not admitted says why in the runtime's log only (the sender needs a 200).</summary>
    private string IgnoredReasons()
    {
        using var stream = new FileStream(runtime.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return string.Join("\n", reader.ReadToEnd().Split('\n').Where(line => line.Contains("acknowledged and not admitted", StringComparison.Ordinal)));
    }
}
