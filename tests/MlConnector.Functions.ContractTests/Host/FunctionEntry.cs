using System.Text.Json;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>One function as the worker indexed it: its metadata and its trigger binding (the raw binding JSON).</summary>
public sealed record FunctionEntry(string Name, RpcFunctionMetadata Metadata, JsonElement Trigger)
{
    public string TriggerType => Trigger.GetProperty("type").GetString()!;

    /// <summary>The trigger parameter's name: InvocationRequest.input_data carries the trigger under it.</summary>
    public string TriggerParameter => Trigger.GetProperty("name").GetString()!;

    public string? Property(string name) =>
        Trigger.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } property
            ? property.Value.GetString()
            : null;

    public IReadOnlyList<string> Methods =>
        Trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [];

    public static FunctionEntry From(RpcFunctionMetadata metadata)
    {
        var triggers = metadata.RawBindings
            .Select(raw => JsonDocument.Parse(raw).RootElement.Clone())
            .Where(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return triggers.Count == 1
            ? new FunctionEntry(metadata.Name, metadata, triggers[0])
            : throw new InvalidOperationException($"Function {metadata.Name} declares {triggers.Count} trigger bindings; a function has exactly one.");
    }
}
