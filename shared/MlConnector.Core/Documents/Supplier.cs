namespace MlConnector.Core.Documents;

public sealed record Supplier
{
    public required string SourceId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Currency { get; init; }
    public string? TaxNumber { get; init; }
    public string? Email { get; init; }
    public PostalAddress? Address { get; init; }
    public bool Active { get; init; } = true;
}

public sealed record PostalAddress(
    IReadOnlyList<string> Lines,
    string? City,
    string? Region,
    string? PostalCode,
    string? CountryCode);
