namespace MlConnector.Connectors.SageX3;

/// <summary>The addresses each surface lives at, derived from the options.</summary>
internal static class SageX3Urls
{
    public static Uri ServerRoot(SageX3Options options)
    {
        var builder = new UriBuilder(options.ServerUrl);
        if (options.Port > 0)
        {
            builder.Port = options.Port;
        }

        builder.Path = builder.Path.TrimEnd('/') + "/";
        return builder.Uri;
    }

    /// <summary><c>{server}/api1/x3/erp/{ENDPOINT}/</c></summary>
    public static Uri RestBase(SageX3Options options) =>
        new(ServerRoot(options), $"api1/x3/erp/{Uri.EscapeDataString(options.Endpoint)}/");

    /// <summary><c>{server}/xtrem/api</c> on premise; <c>{gateway}/graphql</c> through the Cloud gateway.</summary>
    public static Uri GraphQl(SageX3Options options) =>
        options.Mode == SageX3Mode.Cloud ? new Uri(GatewayBase(options), "graphql") : new Uri(ServerRoot(options), "xtrem/api");

    public static Uri Token(SageX3Options options) => new(GatewayBase(options), "token");

    private static Uri GatewayBase(SageX3Options options) => new(options.CloudGatewayUrl.TrimEnd('/') + "/");
}
