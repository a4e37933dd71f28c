using System.Globalization;
using MlConnector.OperatorConsole.Markup;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Records;

namespace MlConnector.OperatorConsole.Charts;

/// <summary>
/// A flow's last 24 hours as inline SVG: records written (green) and rejected or failed (red) per hour as bars, and
/// the lag behind the source at each poll as a line on its own scale. Summarised in words for screen readers.
/// </summary>
public static class FlowChart
{
    private const int Width = 480;
    private const int Height = 150;
    private const int Left = 34;
    private const int Right = 40;
    private const int Top = 10;
    private const int Bottom = 22;

    public static Html Render(string flow, IReadOnlyList<HourlyCounts> hours, IReadOnlyList<FlowRun> runs, DateTimeOffset now, TimeZoneInfo zone)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var maxCount = Math.Max(1, hours.Max(h => h.Written + h.NeedAttention));
        var slot = plotWidth / 24.0;
        var bars = new List<Html>();
        for (var i = 0; i < hours.Count; i++)
        {
            var x = Left + (i * slot) + 1;
            var written = hours[i].Written * plotHeight / (double)maxCount;
            var attention = hours[i].NeedAttention * plotHeight / (double)maxCount;
            var baseY = Top + plotHeight;
            if (written > 0)
            {
                bars.Add(Html.Of($"<rect x=\"{F(x)}\" y=\"{F(baseY - written)}\" width=\"{F(slot - 2)}\" height=\"{F(written)}\" fill=\"#1a7f37\"><title>{Hour(hours[i].Hour, zone)}: {hours[i].Written} written</title></rect>"));
            }

            if (attention > 0)
            {
                bars.Add(Html.Of($"<rect x=\"{F(x)}\" y=\"{F(baseY - written - attention)}\" width=\"{F(slot - 2)}\" height=\"{F(attention)}\" fill=\"#b42318\"><title>{Hour(hours[i].Hour, zone)}: {hours[i].NeedAttention} rejected or failed</title></rect>"));
            }
        }

        var start = now - TimeSpan.FromHours(24);
        var lagged = runs.Where(r => r.Lag is not null && r.FinishedAt >= start).ToList();
        var maxLag = Math.Max(1, lagged.Select(r => r.Lag!.Value.TotalMinutes).DefaultIfEmpty(1).Max());
        var points = string.Join(' ', lagged.Select(r =>
            $"{F(Left + ((r.FinishedAt - start).TotalHours / 24 * plotWidth))},{F(Top + plotHeight - (r.Lag!.Value.TotalMinutes / maxLag * plotHeight))}"));
        var line = lagged.Count > 0
            ? Html.Of($"<polyline points=\"{points}\" fill=\"none\" stroke=\"#0a58ca\" stroke-width=\"2\"/>")
            : Html.Empty;
        var dots = Html.Join(lagged.Select(r => Html.Of(
            $"<circle cx=\"{F(Left + ((r.FinishedAt - start).TotalHours / 24 * plotWidth))}\" cy=\"{F(Top + plotHeight - (r.Lag!.Value.TotalMinutes / maxLag * plotHeight))}\" r=\"2.5\" fill=\"#0a58ca\"><title>{Hour(r.FinishedAt, zone)}: {PageContext.Age(r.Lag!.Value)} behind</title></circle>")));
        var totalWritten = hours.Sum(h => h.Written);
        var totalAttention = hours.Sum(h => h.NeedAttention);
        var lagText = lagged.Count == 0 ? "no poll in the last 24 hours" : $"lag at the last poll {PageContext.Age(lagged[^1].Lag!.Value)}, at most {PageContext.Age(TimeSpan.FromMinutes(maxLag))}";
        var summary = $"{flow}, last 24 hours: {totalWritten} written, {totalAttention} rejected or failed; {lagText}.";
        var axis = Html.Of($"""
            <line x1="{Left}" y1="{Top + plotHeight}" x2="{Left + plotWidth}" y2="{Top + plotHeight}" stroke="#57606a"/>
            <text x="{Left}" y="{Height - 6}" font-size="11" fill="#57606a">{Hour(start, zone)}</text>
            <text x="{Left + plotWidth}" y="{Height - 6}" font-size="11" fill="#57606a" text-anchor="end">now</text>
            <text x="{Left - 4}" y="{Top + 10}" font-size="11" fill="#1a7f37" text-anchor="end">{maxCount}</text>
            <text x="{Left + plotWidth + 4}" y="{Top + 10}" font-size="11" fill="#0a58ca">{F(maxLag, "0")}m</text>
            """);
        return Html.Of($"""
            <figure class="chart">
            <svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="{summary}" data-testid="chart-{flow}">
            <title>{summary}</title>
            {axis}{Html.Join(bars)}{line}{dots}
            </svg>
            <figcaption class="muted">Bars: records written (green) and rejected or failed (red) per hour. Line: lag behind the source at each poll (right scale, minutes).</figcaption>
            </figure>
            """);
    }

    private static string F(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Hour(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
}
