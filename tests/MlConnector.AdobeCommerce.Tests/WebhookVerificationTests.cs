using System.Text;
using System.Text.Json;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Core.Flows;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class WebhookVerificationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly AdobeCommerceSimulator _simulator = fixture.Simulator;

    [Theory]
    [InlineData(WebhookSigningScheme.Hmac)]
    [InlineData(WebhookSigningScheme.CommerceRsa)]
    [InlineData(WebhookSigningScheme.IoEvents)]
    public async Task Valid_delivery_is_accepted_and_keyed_by_increment_id(WebhookSigningScheme scheme)
    {
        var (result, receiver, host) = await SendAsync(scheme, new WebhookSendOptions());
        await using (host)
        await using (receiver)
        {
            Assert.Equal(200, result.StatusCode);
            Assert.Contains("\"op\":\"success\"", result.ResponseBody, StringComparison.Ordinal);
            var record = Assert.Single(receiver.Received).Parsed!.Record!;
            Assert.Equal("000000123", record.Key);
            Assert.Equal("PO-77", record.Payload.GetProperty("payment").GetProperty("po_number").GetString());
        }
    }

    [Theory]
    [InlineData(WebhookSigningScheme.Hmac)]
    [InlineData(WebhookSigningScheme.CommerceRsa)]
    [InlineData(WebhookSigningScheme.IoEvents)]
    public async Task Tampered_body_is_rejected(WebhookSigningScheme scheme)
    {
        var (result, receiver, host) = await SendAsync(scheme, new WebhookSendOptions { TamperBody = true });
        await using (host)
        await using (receiver)
        {
            AssertRefusedWithoutBlockingCheckout(scheme, result);
            Assert.Contains("body was changed", Assert.Single(receiver.Received).Verification.Failure, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(WebhookSigningScheme.Hmac)]
    [InlineData(WebhookSigningScheme.CommerceRsa)]
    [InlineData(WebhookSigningScheme.IoEvents)]
    public async Task Signature_made_with_another_key_is_rejected(WebhookSigningScheme scheme)
    {
        var (result, receiver, host) = await SendAsync(scheme, new WebhookSendOptions { UseWrongKey = true });
        await using (host)
        await using (receiver)
        {
            AssertRefusedWithoutBlockingCheckout(scheme, result);
            Assert.Contains("signed with another key", Assert.Single(receiver.Received).Verification.Failure, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(WebhookSigningScheme.Hmac, "missing header x-adobe-commerce-webhook-signature")]
    [InlineData(WebhookSigningScheme.CommerceRsa, "missing header x-adobe-commerce-webhook-signature")]
    [InlineData(WebhookSigningScheme.IoEvents, "missing header x-adobe-digital-signature-1")]
    public async Task Missing_signature_header_is_rejected(WebhookSigningScheme scheme, string reason)
    {
        var (result, receiver, host) = await SendAsync(scheme, new WebhookSendOptions { OmitSignatureHeader = true });
        await using (host)
        await using (receiver)
        {
            AssertRefusedWithoutBlockingCheckout(scheme, result);
            Assert.StartsWith(reason, Assert.Single(receiver.Received).Verification.Failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hex_hmac_digest_is_accepted_when_configured()
    {
        var (result, receiver, host) = await SendAsync(WebhookSigningScheme.Hmac, new WebhookSendOptions { HmacHex = true },
            new() { ["AdobeCommerce:WebhookHmacEncoding"] = "Hex" });
        await using (host)
        await using (receiver)
        {
            Assert.Equal(200, result.StatusCode);
        }
    }

    [Fact]
    public async Task Io_events_delivery_is_valid_when_only_the_second_signature_verifies()
    {
        var (result, receiver, host) = await SendAsync(WebhookSigningScheme.IoEvents, new WebhookSendOptions { OnlySecondSignatureValid = true });
        await using (host)
        await using (receiver)
        {
            Assert.Equal(200, result.StatusCode);
        }
    }

    [Fact]
    public async Task Io_events_delivery_for_another_client_is_rejected()
    {
        var (result, receiver, host) = await SendAsync(WebhookSigningScheme.IoEvents, new WebhookSendOptions { RecipientClientId = "someone-else" });
        await using (host)
        await using (receiver)
        {
            Assert.Equal(401, result.StatusCode);
            Assert.Contains("recipient_client_id 'someone-else'", Assert.Single(receiver.Received).Verification.Failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Io_events_registration_challenge_is_echoed()
    {
        await using var host = Host(WebhookSigningScheme.IoEvents);
        await using var receiver = await WebhookReceiver.StartAsync(host.Keyed<IWebhookSource>("adobe-commerce-orders"));

        var answer = await _simulator.Webhooks.SendChallengeAsync(receiver.Url, "chal-123");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("chal-123", answer.ResponseBody);
    }

    [Fact]
    public async Task Redelivery_repeats_the_version_and_a_later_status_is_a_new_version()
    {
        await using var host = Host(WebhookSigningScheme.CommerceRsa);
        await using var receiver = await WebhookReceiver.StartAsync(host.Keyed<IWebhookSource>("adobe-commerce-orders"));
        var order = _simulator.GetOrder("000000123") ?? _simulator.SeedOrder(Orders.Standard());

        var twice = await _simulator.SendOrderWebhookAsync(receiver.Url, order, WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Deliveries = 2 });
        order["status"] = "complete";
        order["updated_at"] = "2025-03-04 08:00:00";
        await _simulator.SendOrderWebhookAsync(receiver.Url, order, WebhookSigningScheme.CommerceRsa);

        Assert.All(twice.Deliveries, d => Assert.Equal(200, d.StatusCode));
        var versions = receiver.Received.Select(r => r.Parsed!.Record!.Version).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Equal(versions[0], versions[1]);
        Assert.NotEqual(versions[1], versions[2]);
        Assert.All(receiver.Received, r => Assert.Equal("000000123", r.Parsed!.Record!.Key));
    }

    [Fact]
    public async Task Io_events_version_is_the_event_id()
    {
        var (_, receiver, host) = await SendAsync(WebhookSigningScheme.IoEvents, new WebhookSendOptions { EventId = "evt-42", Deliveries = 2 });
        await using (host)
        await using (receiver)
        {
            Assert.All(receiver.Received, r => Assert.Equal("event:evt-42", r.Parsed!.Record!.Version));
        }
    }

    [Fact]
    public async Task Malformed_json_and_oversized_bodies_are_refused_with_reasons()
    {
        await using var host = Host(WebhookSigningScheme.Hmac, new() { ["AdobeCommerce:WebhookMaxBodyBytes"] = "2048" });
        var source = host.Keyed<IWebhookSource>("adobe-commerce-orders");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        var parsed = source.Parse(new WebhookDelivery(headers, Encoding.UTF8.GetBytes("{\"order\": {")));
        var noOrder = source.Parse(new WebhookDelivery(headers, Encoding.UTF8.GetBytes("{\"hello\": 1}")));
        var oversized = source.Verify(new WebhookDelivery(headers, new byte[4096]));

        Assert.Null(parsed.Record);
        Assert.StartsWith("the webhook body is not valid JSON", parsed.Error, StringComparison.Ordinal);
        Assert.Contains("carries no order", noOrder.Error, StringComparison.Ordinal);
        Assert.Equal("body of 4096 bytes exceeds the limit of 2048 bytes", oversized.Failure);
        Assert.Equal(2048, source.MaxBodyBytes);
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_read()
    {
        await using var host = Host(WebhookSigningScheme.Hmac);
        var source = host.Keyed<IWebhookSource>("adobe-commerce-orders");
        var body = """{"eventName":"observer.sales_order_place_after","data":{"order":{"entity_id":"1001","increment_id":"000000555","updated_at":"2025-03-03 09:15:00","status":"pending"}}}""";

        var record = source.Parse(new WebhookDelivery(new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body))).Record!;

        Assert.Equal("000000555", record.Key);
        Assert.Equal("observer.sales_order_place_after:2025-03-03 09:15:00:pending", record.Version);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero), record.ModifiedAt);
        Assert.Equal(JsonValueKind.String, record.Payload.GetProperty("entity_id").ValueKind);
    }

    [Theory]
    [InlineData(WebhookPayload.OrderBeingPlaced)]
    [InlineData(WebhookPayload.SavedOrder)]
    public async Task A_refused_delivery_of_a_required_commerce_hook_is_answered_success_so_the_checkout_goes_on(WebhookPayload payload)
    {
        var (result, receiver, host) = await SendAsync(WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { UseWrongKey = true, Payload = payload, Required = true });
        await using (host)
        await using (receiver)
        {
            Assert.Equal((200, """{"op":"success"}"""), (result.StatusCode, result.ResponseBody));
            Assert.False(result.BlocksCheckout);
            Assert.False(Assert.Single(receiver.Received).Verification.IsValid);
        }
    }

    [Fact]
    public async Task A_place_hook_delivery_is_keyed_by_increment_id_and_dated_when_it_arrived()
    {
        var (result, receiver, host) = await SendAsync(WebhookSigningScheme.CommerceRsa, new WebhookSendOptions { Payload = WebhookPayload.OrderBeingPlaced });
        await using (host)
        await using (receiver)
        {
            var record = Assert.Single(receiver.Received).Parsed!.Record!;
            Assert.Equal((200, false), (result.StatusCode, result.BlocksCheckout));
            Assert.Equal("000000123", record.Key);
            Assert.StartsWith("order:sha256:", record.Version, StringComparison.Ordinal);
            Assert.NotNull(record.ModifiedAt);
            Assert.False(record.Payload.TryGetProperty("entity_id", out _));
        }
    }

    [Theory]
    [InlineData(WebhookOutcomeKind.Stored)]
    [InlineData(WebhookOutcomeKind.Unauthenticated)]
    [InlineData(WebhookOutcomeKind.TooLarge)]
    [InlineData(WebhookOutcomeKind.Malformed)]
    [InlineData(WebhookOutcomeKind.Unavailable)]
    public async Task Every_outcome_is_success_for_the_webhooks_module_and_the_plain_status_for_io_events(WebhookOutcomeKind kind)
    {
        await using var commerce = Host(WebhookSigningScheme.CommerceRsa);
        await using var hmac = Host(WebhookSigningScheme.Hmac);
        await using var io = Host(WebhookSigningScheme.IoEvents);
        var outcome = new WebhookOutcome(kind, "why");

        var reply = commerce.Keyed<IWebhookSource>("adobe-commerce-orders").Reply(outcome)!;

        Assert.Equal((200, "application/json", """{"op":"success"}"""), (reply.StatusCode, reply.ContentType, reply.Body));
        Assert.Equal(reply, hmac.Keyed<IWebhookSource>("adobe-commerce-orders").Reply(outcome));
        Assert.Equal(["success"], HookAnswer.Read(reply.Body));
        Assert.Null(io.Keyed<IWebhookSource>("adobe-commerce-orders").Reply(outcome));
    }

    /// <summary>
    /// A synchronous Commerce hook is answered success whatever we did with it (the refusal stays on our side);
    /// I/O Events gets 401 and retries.
    /// </summary>
    private static void AssertRefusedWithoutBlockingCheckout(WebhookSigningScheme scheme, WebhookSendResult result)
    {
        Assert.Equal(scheme == WebhookSigningScheme.IoEvents ? 401 : 200, result.StatusCode);
        Assert.False(result.BlocksCheckout);
    }

    private ConnectorHost Host(WebhookSigningScheme scheme, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AdobeCommerce:WebhookScheme"] = scheme.ToString(),
            ["AdobeCommerce:WebhookPublicKeyPem"] = _simulator.Webhooks.CommercePublicKeyPem,
            ["AdobeCommerce:IoEventsPublicKey1Pem"] = _simulator.Webhooks.IoEventsPublicKey1Pem,
            ["AdobeCommerce:IoEventsPublicKey2Pem"] = _simulator.Webhooks.IoEventsPublicKey2Pem,
            ["AdobeCommerce:RecipientClientId"] = "sim-recipient-client",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return ConnectorHost.Create(_simulator, settings, secrets => secrets.Set(AdobeCommerceSecretNames.WebhookSecret, "sim-webhook-secret"));
    }

    private async Task<(WebhookSendResult Result, WebhookReceiver Receiver, ConnectorHost Host)> SendAsync(
        WebhookSigningScheme scheme, WebhookSendOptions options, Dictionary<string, string?>? extra = null)
    {
        var host = Host(scheme, extra);
        var receiver = await WebhookReceiver.StartAsync(host.Keyed<IWebhookSource>("adobe-commerce-orders"));
        var order = _simulator.GetOrder("000000123") ?? _simulator.SeedOrder(Orders.Standard());
        var result = await _simulator.SendOrderWebhookAsync(receiver.Url, order, scheme, options);
        return (result, receiver, host);
    }
}
