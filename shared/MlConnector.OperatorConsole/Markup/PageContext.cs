using System.Globalization;
using MlConnector.Pipeline.Access;

namespace MlConnector.OperatorConsole.Markup;

/// <summary>What every page needs about the request: who asks, their time zone, a notice from the last action, and the badge count.</summary>
public sealed class PageContext(OperatorPrincipal principal, TimeZoneInfo zone, string? notice, DateTimeOffset now)
{
    public OperatorPrincipal Principal { get; } = principal;

    public TimeZoneInfo Zone { get; } = zone;

    public string? Notice { get; } = notice;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Reject reasons nobody has acknowledged yet (the "new" badge on Needs attention).</summary>
    public int NewReasons { get; set; }

    public bool CanChange => Principal.CanChange;

    /// <summary>A time in the operator's zone, machine-readable in <c>datetime</c> so the page script can show it too.</summary>
    public Html Time(DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            return Html.Of($"<span class=\"muted\">never</span>");
        }

        var local = TimeZoneInfo.ConvertTime(value, Zone);
        var text = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return Html.Of($"<time datetime=\"{value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}\" title=\"{ZoneLabel(local)}\">{text}</time>");
    }

    /// <summary>"3 h 20 min ago"-style age, for lag and last runs.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 1 ? "under a minute"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
            : $"{(int)age.TotalDays} d {age.Hours} h";
    }

    public string ZoneName => Zone.Id;

    private string ZoneLabel(DateTimeOffset local) => $"{Zone.Id} (UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm})";
}
