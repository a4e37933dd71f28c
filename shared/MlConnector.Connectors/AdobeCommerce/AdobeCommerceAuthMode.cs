namespace MlConnector.Connectors.AdobeCommerce;

/// <summary>How requests to the Adobe Commerce REST API are authenticated.</summary>
public enum AdobeCommerceAuthMode
{
    /// <summary>Integration consumer key/secret and access token/secret, each request signed with OAuth 1.0a (PaaS, on-premise).</summary>
    OAuth1,

    /// <summary>The integration access token sent as a bearer token; Commerce 2.4.4+ allows this only when the admin enabled it.</summary>
    IntegrationBearer,

    /// <summary>Adobe IMS client credentials (Adobe Commerce as a Cloud Service).</summary>
    Ims,
}
