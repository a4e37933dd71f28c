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

/// <summary>
/// A Procurify account: one account code in one department (<c>/api/v3/accounts/</c>, <c>ChartOfAccountsAccount</c>).
/// Order items name it by its bare id, so the department of a line is only known through its account.
/// </summary>
public sealed record SimAccount(SimAccountCode AccountCode, SimDepartment Department)
{
    public int Id => IdOf(AccountCode.Id, Department.Id);

    public static int IdOf(int accountCodeId, int departmentId) => (accountCodeId * 1000) + departmentId;
}
