namespace MlConnector.Simulators.Procurify;

/// <summary>One simulated Procurify tenant: its credentials, paging limits and clock.</summary>
public sealed class ProcurifySimulatorOptions
{
    /// <summary>The tenant sub-domain. Requests with a <c>Host</c> of another <c>*.procurify.com</c> tenant get 404.</summary>
    public string Domain { get; set; } = "acme";

    public string ClientId { get; set; } = "sim-client-id";

    public string ClientSecret { get; set; } = "sim-client-secret";

    public string Audience { get; set; } = "https://api.procurify.com/";

    /// <summary>Seconds a token lives (Procurify: 86,400).</summary>
    public int TokenLifetimeSeconds { get; set; } = 86_400;

    /// <summary>Rows per page when the caller sends no <c>page_size</c> (undocumented upstream; 10 here).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>page_size</c> honoured; larger values are capped.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The tenant's offset from UTC: day filters compare dates in this offset.</summary>
    public TimeSpan TenantUtcOffset { get; set; } = TimeSpan.Zero;

    /// <summary>Stamps modifications and token expiry; tests can pass a fake.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Listen address; loopback with an OS-chosen port by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
