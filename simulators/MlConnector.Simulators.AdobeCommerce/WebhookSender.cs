using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// Sends order webhooks the way Adobe does, in each scheme. It owns RSA key pairs (generated at start) and exposes
/// their public PEMs so a test can configure the receiver with them.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly RSA _commerceKey = RSA.Create(2048);
    private readonly RSA _ioKey1 = RSA.Create(2048);
    private readonly RSA _ioKey2 = RSA.Create(2048);
    private readonly RSA _wrongKey = RSA.Create(2048);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly TimeProvider _time;

    internal WebhookSender(TimeProvider time)
    {
        _time = time;
        IoEventsPublicKey1Path = $"/prod/keys/pub-key-{Guid.NewGuid():N}.pem";
        IoEventsPublicKey2Path = $"/prod/keys/pub-key-{Guid.NewGuid():N}.pem";
    }

    /// <summary>The Commerce webhooks module's public key (Admin > Adobe Services > Webhooks).</summary>
    public string CommercePublicKeyPem => _commerceKey.ExportSubjectPublicKeyInfoPem();

    public string IoEventsPublicKey1Pem => _ioKey1.ExportSubjectPublicKeyInfoPem();

    public string IoEventsPublicKey2Pem => _ioKey2.ExportSubjectPublicKeyInfoPem();

    /// <summary>A valid PEM of a key that signs nothing the receiver should accept.</summary>
    public string UnrelatedPublicKeyPem => _wrongKey.ExportSubjectPublicKeyInfoPem();

    public string IoEventsPublicKey1Path { get; }

    public string IoEventsPublicKey2Path { get; }

    public Task<WebhookSendResult> SendOrderWebhookAsync(Uri target, JsonObject order, WebhookSigningScheme scheme, WebhookSendOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(target, Prepare(order, scheme, options), cancellationToken);

    /// <summary>
    /// Builds and signs a delivery without sending it, so a burst can be signed first and then sent at once
    /// (the benchmark measures the receiver's acknowledgment, not this sender's RSA signing).
    /// </summary>
    public PreparedWebhook Prepare(JsonObject order, WebhookSigningScheme scheme, WebhookSendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        options ??= new WebhookSendOptions();
        var body = Encoding.UTF8.GetBytes(Envelope(order, scheme, options).ToJsonString());
        var headers = Sign(body, scheme, options);
        var required = scheme != WebhookSigningScheme.IoEvents && options.Required;
        return new PreparedWebhook(options.TamperBody ? Tamper(body) : body, headers, Math.Max(1, options.Deliveries), options.Timeout, required);
    }

    /// <summary>Signs bytes exactly as given (not an order envelope): for deliveries whose body a hostile but authenticated sender chose.</summary>
    public PreparedWebhook PrepareRaw(byte[] body, WebhookSigningScheme scheme, WebhookSendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options ??= new WebhookSendOptions();
        return new PreparedWebhook(options.TamperBody ? Tamper(body) : body, Sign(body, scheme, options), Math.Max(1, options.Deliveries), options.Timeout);
    }

    /// <summary>Sends a prepared delivery (as many times as its options asked); the result describes the first.</summary>
    public async Task<WebhookSendResult> SendAsync(Uri target, PreparedWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var deliveries = new List<WebhookDeliveryResult>();
        for (var attempt = 0; attempt < webhook.Deliveries; attempt++)
        {
            var delivery = await DeliverAsync(target, webhook.Body, webhook.Headers, webhook.Timeout, cancellationToken);
            deliveries.Add(delivery with { BlocksCheckout = HookAnswer.AbortsAction(delivery.StatusCode, delivery.ResponseBody, webhook.RequiredHook) });
        }

        return new WebhookSendResult(deliveries[0].StatusCode, deliveries[0].Latency, deliveries[0].ResponseBody, deliveries, webhook.Body);
    }

    /// <summary>The I/O Events registration handshake: <c>GET target?challenge=...</c>; returns the receiver's answer.</summary>
    public async Task<WebhookDeliveryResult> SendChallengeAsync(Uri target, string challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var builder = new UriBuilder(target) { Query = "challenge=" + Uri.EscapeDataString(challenge) };
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(builder.Uri, cancellationToken);
        return new WebhookDeliveryResult((int)response.StatusCode, Stopwatch.GetElapsedTime(started), await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose()
    {
        _commerceKey.Dispose();
        _ioKey1.Dispose();
        _ioKey2.Dispose();
        _wrongKey.Dispose();
        _http.Dispose();
    }

    private JsonObject Envelope(JsonObject order, WebhookSigningScheme scheme, WebhookSendOptions options)
    {
        if (scheme != WebhookSigningScheme.IoEvents)
        {
            return options.Payload == WebhookPayload.OrderBeingPlaced
                ? new JsonObject { ["order"] = PlaceHookPayload.From(order) }
                : new JsonObject { ["eventName"] = options.EventName, ["data"] = new JsonObject { ["order"] = order.DeepClone() } };
        }

        var eventId = options.EventId ?? Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = eventId,
            ["source"] = "urn:uuid:" + Guid.NewGuid(),
            ["type"] = "com.adobe.commerce." + options.EventName,
            ["datacontenttype"] = "application/json",
            ["time"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["event_id"] = eventId,
            ["recipient_client_id"] = options.RecipientClientId,
            ["data"] = new JsonObject
            {
                ["value"] = order.DeepClone(),
                ["_metadata"] = new JsonObject { ["commerceEdition"] = "Adobe Commerce", ["eventsClientVersion"] = "1.0.0" },
            },
        };
    }

    private List<KeyValuePair<string, string>> Sign(byte[] body, WebhookSigningScheme scheme, WebhookSendOptions options)
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (scheme)
        {
            case WebhookSigningScheme.Hmac:
                var secret = Encoding.UTF8.GetBytes(options.UseWrongKey ? options.HmacSecret + "-wrong" : options.HmacSecret);
                var digest = HMACSHA256.HashData(secret, body);
                headers.Add(new(options.SignatureHeader, options.HmacHex ? Convert.ToHexStringLower(digest) : Convert.ToBase64String(digest)));
                break;
            case WebhookSigningScheme.CommerceRsa:
                // The module signs the base64 text of the JSON, not the JSON bytes.
                var signedText = Encoding.ASCII.GetBytes(Convert.ToBase64String(body));
                var key = options.UseWrongKey ? _wrongKey : _commerceKey;
                headers.Add(new(options.SignatureHeader, Convert.ToBase64String(key.SignData(signedText, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
                break;
            default:
                var first = options.UseWrongKey || options.OnlySecondSignatureValid ? _wrongKey : _ioKey1;
                var second = options.UseWrongKey ? _wrongKey : _ioKey2;
                headers.Add(new("x-adobe-digital-signature-1", Convert.ToBase64String(first.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
                headers.Add(new("x-adobe-digital-signature-2", Convert.ToBase64String(second.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
                headers.Add(new("x-adobe-public-key1-path", IoEventsPublicKey1Path));
                headers.Add(new("x-adobe-public-key2-path", IoEventsPublicKey2Path));
                break;
        }

        if (options.OmitSignatureHeader)
        {
            headers.RemoveAll(h => h.Key == options.SignatureHeader || h.Key.StartsWith("x-adobe-digital-signature", StringComparison.Ordinal));
        }

        return headers;
    }

    /// <summary>Changes one digit of the grand total, the kind of edit a tamperer would make.</summary>
    private static byte[] Tamper(byte[] body)
    {
        var tampered = (byte[])body.Clone();
        var text = Encoding.UTF8.GetString(tampered);
        var at = text.IndexOf("\"grand_total\":", StringComparison.Ordinal);
        var digit = at < 0 ? -1 : text.IndexOfAny("0123456789".ToCharArray(), at + 14);
        if (digit < 0)
        {
            return [.. body, (byte)' '];
        }

        tampered[Encoding.UTF8.GetByteCount(text.AsSpan(0, digit))] = (byte)(text[digit] == '9' ? '1' : text[digit] + 1);
        return tampered;
    }

    private async Task<WebhookDeliveryResult> DeliverAsync(Uri target, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, timeoutSource.Token);
            var answer = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            return new WebhookDeliveryResult((int)response.StatusCode, Stopwatch.GetElapsedTime(started), answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookDeliveryResult(0, Stopwatch.GetElapsedTime(started), "timed out");
        }
    }
}
