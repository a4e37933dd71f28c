using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Procurify.Model;

namespace MlConnector.Simulators.Procurify.Api.Shapes;

/// <summary>
/// Vendors, departments, account codes, accounts, currencies and users as Procurify's models define them.
/// Source: konfig-sdks/procurify-python-sdk (commit 3c4c70b0), procurify_python_sdk/pydantic/: vendor_read.py,
/// optimized_vendor.py, vendor_detail.py, department_summary.py, department_read.py, account_code_read.py,
/// account_read.py, chart_of_accounts_account.py, currency_summary.py, user_summary.py, address_summary.py.
/// </summary>
internal static class ReferenceShapes
{
    private static readonly Dictionary<string, int> CurrencyIds = new(StringComparer.Ordinal) { ["USD"] = 1, ["CAD"] = 2, ["EUR"] = 3, ["GBP"] = 4 };

    /// <summary>The integer id order items carry in <c>currency</c>.</summary>
    public static int CurrencyId(string code) => CurrencyIds.GetValueOrDefault(code, 99);

    /// <summary><c>CurrencySummary</c>: <c>name</c> is the ISO code.</summary>
    public static JsonObject Currency(string code) => new()
    {
        ["id"] = CurrencyId(code),
        ["name"] = code,
        ["rate"] = "1.000000",
        ["base"] = code == "USD",
    };

    /// <summary>
    /// <c>VendorRead</c> (PO headers, detail lines) and <c>OptimizedVendor</c> (the v3 vendor list), which share every
    /// field written here; <c>overall_score</c> (a number in one, a required string in the other) is null, which both allow.
    /// </summary>
    public static JsonObject Vendor(SimVendor vendor)
    {
        var shape = VendorFields(vendor);
        shape["overall_score"] = null;
        return shape;
    }

    /// <summary><c>VendorDetailSerializerSingleRetrieve</c>: the vendor detail under <c>data</c>.</summary>
    public static JsonObject VendorDetail(SimVendor vendor) => new() { ["data"] = VendorFields(vendor), ["metadata"] = new JsonObject() };

    public static JsonObject DepartmentSummary(SimDepartment department) => new()
    {
        ["id"] = department.Id,
        ["name"] = department.Name,
        ["branch"] = new JsonObject { ["id"] = department.BranchId, ["name"] = department.BranchName },
        ["external_id"] = department.ExternalId,
        ["active"] = department.Active,
    };

    /// <summary><c>DepartmentRead</c> (the v3 department list): the branch is a <c>LocationSimple</c>.</summary>
    public static JsonObject DepartmentRead(SimDepartment department) => new()
    {
        ["id"] = department.Id,
        ["name"] = department.Name,
        ["branch"] = new JsonObject { ["id"] = department.BranchId, ["name"] = department.BranchName, ["headquarter"] = department.BranchId == 1 },
        ["external_id"] = department.ExternalId,
        ["active"] = department.Active,
    };

    public static JsonObject AccountCode(SimAccountCode code) => new()
    {
        ["id"] = code.Id,
        ["code"] = code.Code,
        ["description"] = code.Description,
        ["account_type"] = code.AccountType,
        ["active"] = code.Active,
        ["parent"] = null,
    };

    /// <summary><c>AccountRead</c>: how a purchase order's detail lines expand their <c>account</c>.</summary>
    public static JsonObject AccountRead(SimAccount account) => new()
    {
        ["id"] = account.Id,
        ["account_code"] = AccountCode(account.AccountCode),
        ["department"] = DepartmentSummary(account.Department),
        ["active"] = account.AccountCode.Active && account.Department.Active,
    };

    /// <summary><c>ChartOfAccountsAccount</c>: a row of <c>/api/v3/accounts/</c>.</summary>
    public static JsonObject ChartOfAccountsAccount(SimAccount account) => new()
    {
        ["id"] = account.Id,
        ["account_code"] = AccountCode(account.AccountCode),
        ["department"] = DepartmentRead(account.Department),
        ["budget"] = "0.00",
        ["active"] = account.AccountCode.Active && account.Department.Active,
    };

    /// <summary><c>UserSummary</c>: the tenant's buyer, in <paramref name="department"/>.</summary>
    public static JsonObject User(int id, string firstName, string lastName, SimDepartment department) => new()
    {
        ["id"] = id,
        ["user"] = id,
        ["email"] = $"{firstName}.{lastName}@example.com".ToLowerInvariant(),
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["department"] = DepartmentSummary(department),
    };

    public static JsonObject Address(int id, string name, string line, string postalCode, string city, string province, string country) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["addressLineOne"] = line,
        ["postalCode"] = postalCode,
        ["city"] = city,
        ["state_province"] = province,
        ["country"] = country,
    };

    public static string Stamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static JsonObject VendorFields(SimVendor vendor) => new()
    {
        ["id"] = vendor.Id,
        ["name"] = vendor.Name,
        ["email"] = new JsonArray($"orders@vendor{vendor.Id}.example"),
        ["type"] = vendor.Type,
        ["active"] = vendor.Active,
        ["addressLineOne"] = $"{vendor.Id} Supply Street",
        ["addressLineTwo"] = null,
        ["postalCode"] = "V6B 1A1",
        ["city"] = "Vancouver",
        ["state_province"] = "BC",
        ["country"] = "Canada",
        ["phoneOne"] = "+1 604 555 0100",
        ["fax"] = null,
        ["contact"] = "Sales",
        ["url"] = null,
        ["external_id"] = vendor.ExternalId,
        ["dateModified"] = Stamp(vendor.DateModified),
        ["currency"] = CurrencyId(vendor.Currency),
        ["payment_term_ref"] = null,
        ["shipping_term_ref"] = null,
        ["payment_method_ref"] = null,
        ["tax"] = null,
    };
}
