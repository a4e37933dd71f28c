using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlConnector.Deployment.Tests.Functions;
using MlConnector.Deployment.Tests.Support;

namespace MlConnector.Deployment.Tests.Infrastructure;

/// <summary>
/// In Azure, the operator console and the admin API must sit behind Microsoft Entra ID: the compiled templates turn the
/// built-in authentication on for the whole app and leave out only the webhook routes, and no HTTP function relies on a
/// function key (which a browser would have to hold) or is left open outside those webhooks.
/// </summary>
public sealed partial class AdminRouteAuthenticationTests
{
    [BicepFact]
    public async Task Compiled_template_requires_Entra_sign_in_for_every_route_but_the_webhooks()
    {
        JsonObject auth = await AuthSettingsAsync();
        JsonNode properties = auth["properties"]!;

        Assert.True(properties["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.NotEqual("AllowAnonymous", properties["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        JsonNode entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(entra["enabled"]!.GetValue<bool>());
        Assert.Contains("parameters('clientId')", entra["registration"]!["clientId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", entra["registration"]!["clientSecretSettingName"]!.GetValue<string>());
    }

    [BicepFact]
    public async Task Only_webhook_functions_are_reachable_without_signing_in()
    {
        string[] excluded = await ExcludedPathsAsync();
        var http = FunctionSource.All().Select(f => (Function: f, Trigger: HttpTrigger().Match(f.Header))).Where(f => f.Trigger.Success).ToList();

        Assert.NotEmpty(excluded);
        Assert.All(excluded, path =>
        {
            var function = Assert.Single(http, f => "/api/" + f.Trigger.Groups["route"].Value == path);
            Assert.StartsWith("webhooks/", function.Trigger.Groups["route"].Value, StringComparison.Ordinal);
            Assert.Contains("WebhookEndpoint", function.Function.FileText, StringComparison.Ordinal);
        });
        var guarded = http.Where(f => !excluded.Contains("/api/" + f.Trigger.Groups["route"].Value)).ToList();
        Assert.Contains(guarded, f => f.Trigger.Groups["route"].Value.StartsWith("admin/", StringComparison.Ordinal));
        Assert.Contains(guarded, f => f.Trigger.Groups["route"].Value.StartsWith("console/", StringComparison.Ordinal));
        Assert.All(guarded, f => Assert.False(
            excluded.Any(path => ("/api/" + f.Trigger.Groups["route"].Value).StartsWith(path, StringComparison.OrdinalIgnoreCase)),
            $"{f.Function.Name} ({f.Trigger.Groups["route"].Value}) is excluded from sign-in"));
    }

    [Fact]
    public void No_http_function_relies_on_a_function_key()
    {
        var http = FunctionSource.All().Where(f => HttpTrigger().IsMatch(f.Header)).ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f => Assert.Equal("Anonymous", HttpTrigger().Match(f.Header).Groups["level"].Value));
    }

    [Fact]
    public void Admin_endpoints_check_the_callers_role_in_every_method()
    {
        string admin = RepositoryFiles.Read("shared", "MlConnector.Pipeline", "Http", "AdminEndpoints.cs");
        var methods = PublicAsyncMethod().Matches(admin).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(["StatusAsync", "HistoryAsync", "ReplayAsync", "ReprocessAsync"], methods);
        Assert.Equal(methods.Count, Regex.Count(admin, @"AccessCheck\.Refuse\("));
        Assert.Equal(2, Regex.Count(admin, @"OperatorRole\.Operator"));
    }

    private static async Task<JsonObject> AuthSettingsAsync()
    {
        JsonNode template = await CompiledMainAsync();
        return Descendants(template)
            .OfType<JsonObject>()
            .Single(o => o["type"]?.GetValue<string>() == "Microsoft.Web/sites/config" && o["name"]?.ToString().Contains("authsettingsV2", StringComparison.Ordinal) == true);
    }

    private static async Task<string[]> ExcludedPathsAsync()
    {
        JsonNode template = await CompiledMainAsync();
        JsonObject module = Descendants(template).OfType<JsonObject>()
            .Single(o => o["type"]?.GetValue<string>() == "Microsoft.Resources/deployments" && o["name"]?.GetValue<string>() == "auth");
        Assert.Contains("parameters('unauthenticatedPaths')", (await AuthSettingsAsync())["properties"]!["globalValidation"]!["excludedPaths"]!.ToString(), StringComparison.Ordinal);
        return [.. module["properties"]!["parameters"]!["unauthenticatedPaths"]!["value"]!.AsArray().Select(p => p!.GetValue<string>())];
    }

    private static async Task<JsonNode> CompiledMainAsync()
    {
        var start = new ProcessStartInfo(BicepCli.BinaryPath, ["build", RepositoryFiles.PathOf("infra", "main.bicep"), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return JsonNode.Parse(await stdout)!;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    [GeneratedRegex("""\[HttpTrigger\(AuthorizationLevel\.(?<level>\w+),[^\]]*Route = "(?<route>[^"]+)"\)\]""")]
    private static partial Regex HttpTrigger();

    [GeneratedRegex(@"public async Task<IActionResult> (?<name>\w+)\(")]
    private static partial Regex PublicAsyncMethod();
}
