namespace MlConnector.Connectors.SageX3.Auth;

/// <summary>Names of the IHttpClientFactory clients the X3 connector uses.</summary>
public static class SageX3HttpClients
{
    /// <summary>api1 REST calls, HTTP Basic.</summary>
    public const string Rest = "SageX3.Rest";

    /// <summary>GraphQL calls, bearer JWT (connected app or Cloud gateway).</summary>
    public const string GraphQl = "SageX3.GraphQl";

    /// <summary>The Cloud gateway's token API (no bearer).</summary>
    public const string Token = "SageX3.Token";
}
