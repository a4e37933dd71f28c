namespace MlConnector.Simulators.Procurify.Model;

public sealed record SimVendor(int Id, string Name, string? ExternalId, DateTimeOffset DateModified)
{
    public int Type { get; init; } = ProcurifyCodes.VendorType.Preferred;
    public bool Active { get; init; } = true;
    public string Currency { get; init; } = "USD";
}

public sealed record SimAccountCode(int Id, string Code, string Description)
{
    public int AccountType { get; init; } = ProcurifyCodes.AccountTypeExpense;
    public bool Active { get; init; } = true;
}

public sealed record SimDepartment(int Id, string Name, string? ExternalId)
{
    public bool Active { get; init; } = true;
    public int BranchId { get; init; } = 1;
    public string BranchName { get; init; } = "Head Office";
}
