namespace MlConnector.Connectors.SageX3;

/// <summary>Names of the X3 credentials in <see cref="MlConnector.Core.Secrets.ISecretStore"/>.</summary>
public static class SageX3SecretNames
{
    /// <summary>The Syracuse user's password for HTTP Basic (Rest mode, and writes in GraphQl mode).</summary>
    public const string RestPassword = "x3-rest-password";

    /// <summary>The connected application's secret, which signs the GraphQL JWTs (GraphQl mode).</summary>
    public const string GraphQlClientSecret = "x3-graphql-client-secret";

    /// <summary>The app's client secret at the X3 Cloud gateway (Cloud mode).</summary>
    public const string CloudClientSecret = "x3-cloud-client-secret";

    /// <summary>The current (rotating) refresh token from the Cloud pairing; rewritten at every refresh.</summary>
    public const string CloudRefreshToken = "x3-cloud-refresh-token";
}
