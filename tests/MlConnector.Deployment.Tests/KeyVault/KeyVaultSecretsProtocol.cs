using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Deployment.Tests.KeyVault;

/// <summary>
/// The slice of the Key Vault secrets REST protocol the store uses: the bearer challenge on an
/// unauthenticated request, GET latest / GET by version (404 SecretNotFound when absent) and PUT creating
/// a new version, each answered with a secret bundle <c>{value, id, attributes}</c>.
/// </summary>
internal sealed class KeyVaultSecretsProtocol(SecretVersionStore store, string expectedToken, string tenantId, TimeProvider time)
{
    private readonly List<ObservedRequest> observed = [];
    private readonly Lock gate = new();

    internal IReadOnlyList<ObservedRequest> Observed
    {
        get
        {
            lock (gate)
            {
                return [.. observed];
            }
        }
    }

    internal async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string? authorization = request.Headers.Authorization;
        lock (gate)
        {
            observed.Add(new ObservedRequest(request.Method, request.Path.Value ?? string.Empty, authorization is not null));
        }

        if (authorization != $"Bearer {expectedToken}")
        {
            await ChallengeAsync(context.Response);
            return;
        }

        if (string.IsNullOrEmpty(request.Query["api-version"]))
        {
            await WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadParameter", "api-version is required.");
            return;
        }

        string[] segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        string vaultBase = $"{request.Scheme}://{request.Host}/";
        switch (request.Method, segments)
        {
            case ("GET", ["secrets", string name]):
                await WriteSecretOrNotFoundAsync(context.Response, vaultBase, name, store.Latest(name));
                break;
            case ("GET", ["secrets", string name, string version]):
                await WriteSecretOrNotFoundAsync(context.Response, vaultBase, name, store.Find(name, version));
                break;
            case ("PUT", ["secrets", string name]):
                await PutAsync(context, vaultBase, name);
                break;
            default:
                await WriteErrorAsync(context.Response, StatusCodes.Status405MethodNotAllowed, "NotSupported",
                    $"{request.Method} {request.Path} is not part of this fake vault.");
                break;
        }
    }

    private Task ChallengeAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate =
            $"Bearer authorization=\"https://login.microsoftonline.com/{tenantId}\", resource=\"https://vault.azure.net\"";
        return WriteJsonAsync(response, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = "Unauthorized", ["message"] = "AKV10000: Request is missing a Bearer or PoP token." },
        });
    }

    private async Task PutAsync(HttpContext context, string vaultBase, string name)
    {
        JsonNode? body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        string? value = body?["value"]?.GetValue<string>();
        if (value is null)
        {
            await WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadParameter", "value is required.");
            return;
        }

        StoredSecretVersion created = store.Add(name, value, time.GetUtcNow());
        await WriteJsonAsync(context.Response, Bundle(vaultBase, name, created));
    }

    private static Task WriteSecretOrNotFoundAsync(HttpResponse response, string vaultBase, string name, StoredSecretVersion? secret) =>
        secret is null
            ? WriteErrorAsync(response, StatusCodes.Status404NotFound, "SecretNotFound",
                $"A secret with (name/id) {name} was not found in this key vault.")
            : WriteJsonAsync(response, Bundle(vaultBase, name, secret));

    private static JsonObject Bundle(string vaultBase, string name, StoredSecretVersion secret)
    {
        long created = secret.CreatedOn.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["value"] = secret.Value,
            ["id"] = $"{vaultBase}secrets/{name}/{secret.Version}",
            ["attributes"] = new JsonObject
            {
                ["enabled"] = true,
                ["created"] = created,
                ["updated"] = created,
                ["recoveryLevel"] = "Recoverable+Purgeable",
            },
            ["tags"] = new JsonObject(),
        };
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        return WriteJsonAsync(response, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
    }

    private static Task WriteJsonAsync(HttpResponse response, JsonObject body)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Default));
    }
}

internal sealed record ObservedRequest(string Method, string Path, bool HadAuthorization);
