namespace MlConnector.Simulators.SpsCommerce;

/// <summary>One simulated SPS Commerce supplier account: its machine-to-machine app, token rules and clock.</summary>
public sealed class SpsCommerceSimulatorOptions
{
    public string ClientId { get; set; } = "sim-sps-client";

    public string ClientSecret { get; set; } = "sim-sps-secret";

    /// <summary>The API audience tokens must be asked for (the legacy <c>api://api.spscommerce.com/</c> was retired 2026-07-01).</summary>
    public string Audience { get; set; } = "https://spscommerce.com";

    /// <summary>Seconds a token lives (3600 observed; SPS announced shorter lifetimes).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Token requests accepted per minute before Auth0 answers 429 (the token endpoint is rate-limited: cache tokens).</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Largest <c>limit</c> a listing accepts (documented range 1-1000, default 1000).</summary>
    public int MaxListLimit { get; set; } = 1000;

    /// <summary>Stamps files, history and token expiry; tests can pass a fake.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// Folder of SPS's RSX 7.7.7 contract files that uploads are checked against; null finds shared/contracts/sps-rsx-7.7.7
    /// beside the repository (see <see cref="Contracts.RsxContractFiles"/>).
    /// </summary>
    public string? ContractsDirectory { get; set; }

    /// <summary>Listen address; loopback with an OS-chosen port by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
