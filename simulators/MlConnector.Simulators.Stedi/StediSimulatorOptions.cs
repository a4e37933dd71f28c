namespace MlConnector.Simulators.Stedi;

/// <summary>
/// One simulated Stedi account: its API keys, the webhook destination it delivers events to (with the credential
/// set the customer configured there), the delivery timeout and retry rule, and its clock.
/// </summary>
public sealed class StediSimulatorOptions
{
    /// <summary>API keys the account accepts (<c>Authorization: &lt;key&gt;</c> or the legacy <c>Key &lt;key&gt;</c>).</summary>
    public IList<string> ApiKeys { get; } = ["sim-stedi-test-api-key"];

    /// <summary>Interchange usage indicator written to ISA15 for a Test-mode key (<c>T</c>) unless a request overrides it.</summary>
    public string UsageIndicator { get; set; } = "T";

    /// <summary>Where events are delivered (a Stedi webhook destination); null delivers none.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Header name and value of an "API Key" credential set (e.g. <c>Authorization: Bearer …</c>); null for none.</summary>
    public (string Name, string Value)? WebhookApiKey { get; set; }

    /// <summary>User and password of a "Basic Auth" credential set; used when <see cref="WebhookApiKey"/> is null.</summary>
    public (string User, string Password)? WebhookBasicAuth { get; set; }

    /// <summary>Stedi waits this long for a 2xx (documented: 5 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a failed delivery (documented: 4, every 90 s), then the event goes to the error queue.</summary>
    public int WebhookRetries { get; set; } = 4;

    /// <summary>Wait between delivery attempts (documented 90 s; tests shorten it).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Also deliver <c>transaction.processed.v2</c> events for outbound transactions, as Stedi does.</summary>
    public bool DeliverOutboundEvents { get; set; } = true;

    /// <summary>Stamps transactions, idempotency windows and pre-signed URLs; tests can pass a fake.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Listen address; loopback with an OS-chosen port by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
