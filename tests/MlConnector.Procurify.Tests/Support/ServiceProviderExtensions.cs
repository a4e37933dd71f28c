using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.Procurify;
using MlConnector.Core.Diagnostics;

namespace MlConnector.Procurify.Tests.Support;

internal static class ServiceProviderExtensions
{
    public static ProcurifyTokenSource GetTokenSource(this IServiceProvider services) => services.GetRequiredService<ProcurifyTokenSource>();

    public static IConnectionCheck GetConnectionCheck(this IServiceProvider services) =>
        services.GetServices<IConnectionCheck>().OfType<ProcurifyConnectionCheck>().Single();
}
