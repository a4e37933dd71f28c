using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MlConnector.Runtime.Hosting;

/// <summary>
/// Lets <c>mlc run</c> run as a Windows service or a systemd unit (Type=notify): each registration takes effect only
/// when the process really is one (started by the service control manager; a child of systemd), and otherwise leaves
/// the console behaviour alone. See docs/on-premises.md.
/// </summary>
public static class ServiceHosting
{
    public const string ServiceName = "ml-connector";

    public static IServiceCollection AddServiceHosting(this IServiceCollection services) =>
        services
            .AddWindowsService(options => options.ServiceName = ServiceName)
            .AddSystemd();
}
