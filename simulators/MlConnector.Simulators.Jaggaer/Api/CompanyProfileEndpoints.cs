using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer.Api;

/// <summary>
/// <c>GET /j1p/api/public/ja/v1/companyprofiles</c> (and the legacy <c>/esop/jint/api/public/ja/v1/companyprofiles</c>):
/// supplier profiles under <c>returnCompanyData</c>, each nested under <c>returnCompanyInfo</c>
/// (<see cref="JaggaerSimulatorOptions.CompanyRowKey"/>), filterable on <c>TYPE</c>, <c>BRAVOID</c>, <c>EXTCODE</c>,
/// <c>STATUS</c> and <c>LASTMODTIME</c>; <c>comp=USER</c> adds <c>returnSubUser</c>. The envelope has no <c>startAt</c>.
/// </summary>
internal static class CompanyProfileEndpoints
{
    private static readonly Dictionary<string, Func<SimSupplier, string?>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TYPE"] = supplier => supplier.Type,
        ["BRAVOID"] = supplier => supplier.BravoId.ToString(CultureInfo.InvariantCulture),
        ["EXTCODE"] = supplier => supplier.ExtCode,
        ["STATUS"] = supplier => supplier.Status,
        ["LASTMODTIME"] = supplier => JaggaerShapes.Compact(supplier.LastModTime!.Value),
    };

    public static void Map(WebApplication app)
    {
        foreach (var path in new[] { "/j1p/api/public/ja/v1/companyprofiles", "/esop/jint/api/public/ja/v1/companyprofiles" })
        {
            app.MapGet(path, (HttpRequest request, JaggaerStore store, JaggaerSimulatorOptions options) =>
            {
                var components = J1pList.Components(request);
                return J1pList.Answer(request, options, store.Suppliers, Fields, supplier => JaggaerShapes.CompanyRow(supplier, options.CompanyRowKey, components), "returnCompanyData", withStartAt: false);
            });
        }
    }
}
