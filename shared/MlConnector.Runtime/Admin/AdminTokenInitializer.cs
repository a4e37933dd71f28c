using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlConnector.Core.Secrets;

namespace MlConnector.Runtime.Admin;

/// <summary>
/// Loads the admin token before the listener opens, creating it at first run. A runtime listening beyond loopback
/// refuses to start without one rather than serve its admin endpoints to the network unprotected.
/// </summary>
public sealed class AdminTokenInitializer(AdminAccess access, IServiceProvider services, ILogger<AdminTokenInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Resolved here, so a secret store that cannot even be opened is handled like one that refuses the write.
            var secrets = services.GetRequiredService<ISecretStore>();
            access.UseToken(await AdminAccess.LoadOrCreateTokenAsync(secrets, rotate: false, cancellationToken));
        }
        catch (Exception ex) when (access.LoopbackOnly && ex is not OperationCanceledException)
        {
            logger.LogWarning("No admin token could be loaded or created ({Error}); the admin endpoints answer loopback callers only", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The runtime listens beyond this machine, so its admin endpoints need a token, and none could be loaded or created in the secret store ({ex.Message}). Fix the secret store or listen on 127.0.0.1 only.", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
