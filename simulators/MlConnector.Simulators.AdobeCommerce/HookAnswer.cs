using System.Text.Json;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>
/// How Commerce's webhooks module reacts to an answer (AdobeDocs/commerce-extensibility
/// src/pages/webhooks/responses.md): it expects 200 and a JSON operation or array of operations. <c>exception</c>
/// terminates the action that triggered the hook; a non-2xx answer or a timeout does so for a required hook and is
/// only logged for an optional one; <c>success</c>, <c>add</c>, <c>replace</c> and <c>remove</c> let it go on.
/// </summary>
public static class HookAnswer
{
    private static readonly HashSet<string> Operations = ["success", "exception", "add", "replace", "remove"];

    public static bool AbortsAction(int statusCode, string body, bool required)
    {
        if (statusCode is < 200 or > 299)
        {
            return required;
        }

        var operations = Read(body);
        if (operations is null)
        {
            return required; // not an answer Commerce can act on: the hook failed
        }

        return operations.Contains("exception");
    }

    /// <summary>The operations in an answer, or null when it is not one (not JSON, no known <c>op</c>).</summary>
    public static IReadOnlyList<string>? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var objects = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var operations = objects
                .Select(element => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null)
                .ToList();
            return operations.Count > 0 && operations.All(op => op is not null && Operations.Contains(op)) ? operations.OfType<string>().ToList() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
