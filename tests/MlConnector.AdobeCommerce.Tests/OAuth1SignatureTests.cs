using System.Net;
using System.Security.Cryptography;
using System.Text;
using MlConnector.AdobeCommerce.Tests.Support;
using MlConnector.Connectors.AdobeCommerce;
using MlConnector.Connectors.AdobeCommerce.Auth;
using MlConnector.Core.Diagnostics;
using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests;

public sealed class OAuth1SignatureTests
{
    /// <summary>The worked example of Twitter's "Creating a signature" guide (HMAC-SHA1, with form parameters).</summary>
    [Fact]
    public void Signature_matches_the_published_test_vector()
    {
        var uri = new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
        var parameters = new Dictionary<string, string>
        {
            ["status"] = "Hello Ladies + Gentlemen, a signed OAuth request!",
            ["oauth_consumer_key"] = "xvz1evFS4wEEPTGEFPHBog",
            ["oauth_nonce"] = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            ["oauth_version"] = "1.0",
        }.Concat(OAuth1Signature.QueryParameters(uri));

        var baseString = OAuth1Signature.BaseString("POST", uri, parameters);
        var signature = OAuth1Signature.Sign(baseString, OAuth1SignatureMethods.HmacSha1,
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

        Assert.StartsWith("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key", baseString, StringComparison.Ordinal);
        Assert.EndsWith("status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521", baseString, StringComparison.Ordinal);
        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    /// <summary>RFC 5849 section 3.4.1.3.2: decoded query values, duplicate names sorted by value, empty values kept.</summary>
    [Fact]
    public void Parameters_are_normalized_as_rfc_5849_shows()
    {
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var parameters = OAuth1Signature.QueryParameters(uri).Concat(new Dictionary<string, string>
        {
            ["c2"] = string.Empty,
            ["a3"] = "2 q",
            ["oauth_consumer_key"] = "9djdj82h48djs9d2",
            ["oauth_token"] = "kkk9d7dh3k39sjv7",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "137131201",
            ["oauth_nonce"] = "7d8f3e4a",
        });

        Assert.Equal(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7",
            OAuth1Signature.NormalizeParameters(parameters));
    }

    [Fact]
    public void Hmac_sha256_uses_the_encoded_secrets_as_key()
    {
        const string baseString = "GET&https%3A%2F%2Fshop.example.com%2Frest%2Fdefault%2FV1%2Forders&a%3D1";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("c%26s&t%20s"), Encoding.UTF8.GetBytes(baseString)));

        Assert.Equal(expected, OAuth1Signature.Sign(baseString, OAuth1SignatureMethods.HmacSha256, "c&s", "t s"));
    }

    [Theory]
    [InlineData("HMAC-SHA256")]
    [InlineData("HMAC-SHA1")]
    public async Task Signed_requests_are_accepted_by_the_store(string method)
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync();
        simulator.SeedOrder(Orders.Standard());
        await using var host = ConnectorHost.Create(simulator, new() { ["AdobeCommerce:OAuthSignatureMethod"] = method });

        var order = await host.Get<AdobeCommerceClient>().FindOrderByIncrementIdAsync("000000123", CancellationToken.None);

        Assert.Equal(1001, order!.EntityId);
        var request = Assert.Single(simulator.Journal.Entries);
        Assert.StartsWith("OAuth oauth_consumer_key=\"sim-consumer-key\"", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains($"oauth_signature_method=\"{method}\"", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replayed_nonce_and_wrong_secret_are_refused_with_commerce_message()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync();
        await using var host = ConnectorHost.Create(simulator, []);
        await host.Get<AdobeCommerceClient>().CountOrdersAsync(CancellationToken.None);
        var first = simulator.Journal.Entries[0];

        using var http = new HttpClient();
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.BaseAddress, first.Path + first.Query));
        replay.Headers.TryAddWithoutValidation("Authorization", first.Headers["authorization"]);
        using var answer = await http.SendAsync(replay);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("The consumer isn't authorized to access %resources.", body, StringComparison.Ordinal);

        host.Secrets.Set(AdobeCommerceSecretNames.AccessTokenSecret, "not-the-secret");
        var check = await host.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);
        Assert.False(check.Succeeded);
        Assert.Equal(ConnectionPart.Credential, check.FailingPart);
        Assert.Contains("The consumer isn't authorized to access Magento_Sales::sales.", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_check_names_the_url_when_the_store_cannot_be_reached()
    {
        await using var host = ConnectorHost.Create(null, new() { ["AdobeCommerce:BaseUrl"] = "http://127.0.0.1:9/rest/default/" }, secrets => secrets
            .Set(AdobeCommerceSecretNames.ConsumerSecret, "c")
            .Set(AdobeCommerceSecretNames.AccessTokenSecret, "t"));

        var check = await host.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.Equal(ConnectionPart.Url, check.FailingPart);
    }

    [Fact]
    public async Task Connection_check_names_the_catalog_permission_shipments_need()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync();
        await using var host = ConnectorHost.Create(simulator, []);
        var passing = await host.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);
        simulator.Faults.FailNext(403, pathContains: "/V1/products", body: """{"message":"The consumer isn't authorized to access %resources.","parameters":{"resources":"Magento_Catalog::products"}}""");

        var check = await host.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.True(passing.Succeeded, passing.Detail);
        Assert.EndsWith("orders visible, catalog readable", passing.Detail, StringComparison.Ordinal);
        Assert.Equal(ConnectionPart.Permission, check.FailingPart);
        Assert.Contains("grant Catalog > Inventory > Products", check.Detail, StringComparison.Ordinal);
        Assert.Contains("Magento_Catalog::products", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integration_token_as_bearer_works_only_when_the_store_allows_it()
    {
        await using var refusing = await AdobeCommerceSimulator.StartAsync();
        await using var allowing = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { AllowIntegrationBearer = true });
        await using var refusedHost = ConnectorHost.Create(refusing, new() { ["AdobeCommerce:AuthMode"] = "IntegrationBearer" });
        await using var allowedHost = ConnectorHost.Create(allowing, new() { ["AdobeCommerce:AuthMode"] = "IntegrationBearer" });

        var refused = await refusedHost.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);
        var allowed = await allowedHost.Get<IConnectionCheck>().CheckAsync(CancellationToken.None);

        Assert.Equal(ConnectionPart.Credential, refused.FailingPart);
        Assert.True(allowed.Succeeded, allowed.Detail);
        Assert.Equal("Bearer sim-access-token", allowing.Journal.Entries[0].Headers["authorization"]);
    }

    [Fact]
    public async Task Ims_mode_fetches_a_token_once_and_sends_the_gateway_headers()
    {
        await using var simulator = await AdobeCommerceSimulator.StartAsync(new AdobeCommerceSimulatorOptions { AuthMode = SimulatedAuthMode.Ims });
        await using var host = ConnectorHost.Create(simulator, new() { ["AdobeCommerce:AuthMode"] = "Ims" });
        var client = host.Get<AdobeCommerceClient>();

        await client.CountOrdersAsync(CancellationToken.None);
        await client.CountOrdersAsync(CancellationToken.None);

        var entries = simulator.Journal.Entries;
        Assert.Single(entries, e => e.Path == "/ims/token/v3");
        var call = entries[^1];
        Assert.StartsWith("Bearer sim-ims-", call.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("sim-ims-client", call.Headers["x-api-key"]);
        Assert.Equal("SIMORG@AdobeOrg", call.Headers["x-gw-ims-org-id"]);
    }
}
