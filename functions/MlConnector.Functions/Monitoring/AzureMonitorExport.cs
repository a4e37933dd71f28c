using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace MlConnector.Functions.Monitoring;

/// <summary>
/// Sends traces, metrics and logs to Application Insights through the Azure Monitor OpenTelemetry distro when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set. Local authentication is off on the resource, so ingestion uses the
/// identity APPLICATIONINSIGHTS_AUTHENTICATION_STRING names (<c>Authorization=AAD;ClientId=&lt;id&gt;</c>).
/// </summary>
internal static class AzureMonitorExport
{
    internal const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    internal const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    internal static OpenTelemetryBuilder UseAzureMonitorWhenConfigured(this OpenTelemetryBuilder builder, IConfiguration configuration)
    {
        if (configuration[ConnectionStringSetting] is not { Length: > 0 } connectionString)
        {
            return builder;
        }

        var credential = Credential(configuration[AuthenticationSetting]);
        return builder.UseAzureMonitor(options =>
        {
            options.ConnectionString = connectionString;

            // Every record is its own trace: keep them all, and every log and exception with them.
            options.SamplingRatio = 1F;
            options.TracesPerSecond = null;
            options.EnableTraceBasedLogsSampler = false;
            if (credential is not null)
            {
                options.Credential = credential;
            }
        });
    }

    /// <summary>
    /// <c>Authorization=AAD</c> means the managed identity: the user-assigned one when <c>ClientId=</c> is given, else
    /// the system-assigned one. Anything else (or nothing) keeps key-based ingestion from the connection string.
    /// </summary>
    internal static TokenCredential? Credential(string? authenticationString)
    {
        var parts = (authenticationString ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
