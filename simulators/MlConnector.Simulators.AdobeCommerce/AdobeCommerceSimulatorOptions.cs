namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>How the simulated store authenticates callers and pages results.</summary>
public sealed class AdobeCommerceSimulatorOptions
{
    /// <summary>The store code in <c>/rest/{code}/V1/...</c>. Default <c>default</c>.</summary>
    public string StoreCode { get; init; } = "default";

    public SimulatedAuthMode AuthMode { get; init; } = SimulatedAuthMode.OAuth1;

    public string ConsumerKey { get; init; } = "sim-consumer-key";
    public string ConsumerSecret { get; init; } = "sim-consumer-secret";
    public string AccessToken { get; init; } = "sim-access-token";
    public string AccessTokenSecret { get; init; } = "sim-access-token-secret";

    /// <summary>Commerce 2.4.4+ refuses integration tokens as bearer unless the admin allows it. Default false.</summary>
    public bool AllowIntegrationBearer { get; init; }

    public string ImsClientId { get; init; } = "sim-ims-client";
    public string ImsClientSecret { get; init; } = "sim-ims-secret";
    public string ImsOrgId { get; init; } = "SIMORG@AdobeOrg";
    public TimeSpan ImsTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>OAuth timestamps further than this from the simulator's clock are refused. Default 10 minutes.</summary>
    public TimeSpan TimestampWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When set, a larger <c>searchCriteria[pageSize]</c> is refused (Commerce input limits). Default unset.</summary>
    public int? MaxPageSize { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>First <c>entity_id</c> handed out; far from 1 so tests notice an increment_id used as an id.</summary>
    public long FirstOrderEntityId { get; init; } = 1001;
}

public enum SimulatedAuthMode
{
    /// <summary>PaaS integration: OAuth 1.0a signatures (and bearer integration tokens when allowed).</summary>
    OAuth1,

    /// <summary>Adobe Commerce as a Cloud Service: IMS bearer token plus <c>x-api-key</c> and <c>x-gw-ims-org-id</c>.</summary>
    Ims,
}
