using System.Globalization;

namespace MlConnector.Cli.Bench;

/// <summary>Number formats shared by the report tables (invariant culture: the output is compared across machines).</summary>
public static class BenchFormat
{
    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture) + "/s";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Megabytes(long bytes) => Mb(bytes).ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
