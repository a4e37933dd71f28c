namespace MlConnector.Simulators.Jaggaer.Model;

/// <summary>A JAGGAER Advanced company profile. <see cref="ExtCode"/> is the buyer's ERP code for the supplier, if any.</summary>
public sealed record SimSupplier(int BravoId, string CompanyName, string? ExtCode)
{
    public string Type { get; init; } = "SELLER";
    public string Status { get; init; } = "ACTIVE";
    public string Currency { get; init; } = "USD";
    public string? EuVat { get; init; }
    public string? FiscalCode { get; init; }
    public string? BizEmail { get; init; }
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public string? Zip { get; init; }
    public string IsoCountry { get; init; } = "US";
    public DateOnly RegistrationDate { get; init; } = new(2024, 1, 15);

    /// <summary>Set by the store when absent.</summary>
    public DateTimeOffset? LastModTime { get; init; }
}
