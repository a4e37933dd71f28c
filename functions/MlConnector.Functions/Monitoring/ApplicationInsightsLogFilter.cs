using Microsoft.Extensions.Logging;

namespace MlConnector.Functions.Monitoring;

/// <summary>Removes the Warning+ rule the Application Insights logger provider registers by default.</summary>
internal static class ApplicationInsightsLogFilter
{
    private const string ProviderName =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    internal static void RemoveWarningFloor(LoggerFilterOptions options)
    {
        LoggerFilterRule? rule = options.Rules.FirstOrDefault(r => r.ProviderName == ProviderName);
        if (rule is not null)
        {
            options.Rules.Remove(rule);
        }
    }
}
