using Microsoft.Extensions.Configuration;
using MlConnector.Core.Flows;
using MlConnector.Runtime.Scheduling;

namespace MlConnector.Tests.Runtime.Scheduling;

public sealed class FlowSchedulerTests
{
    private const string Setting = "ProcurifyX3_Schedule";
    private static readonly DateTimeOffset Monday0801 = new(2025, 1, 6, 8, 1, 0, TimeSpan.Zero);

    [Fact]
    public void The_schedule_comes_from_the_flows_setting()
    {
        var schedule = FlowScheduler.ScheduleOf(Flow(), Configuration(("ProcurifyX3_Schedule", "0 */15 * * * *")));

        Assert.Equal(new DateTimeOffset(2025, 1, 6, 8, 15, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Monday0801, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_seconds_field_is_honoured()
    {
        var schedule = FlowScheduler.ScheduleOf(Flow(), Configuration(("ProcurifyX3_Schedule", "30 * * * * *")));

        Assert.Equal(Monday0801.AddSeconds(30), schedule.GetNextOccurrence(Monday0801, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Without_the_setting_the_flows_default_applies()
    {
        var schedule = FlowScheduler.ScheduleOf(Flow(), Configuration(("OtherFlow_Schedule", "0 */15 * * * *")));

        Assert.Equal(new DateTimeOffset(2025, 1, 7, 6, 0, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Monday0801, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_flow_without_a_schedule_setting_runs_on_its_default()
    {
        var schedule = FlowScheduler.ScheduleOf(Flow(setting: null), Configuration(("ProcurifyX3_Schedule", "0 */15 * * * *")));

        Assert.Equal(new DateTimeOffset(2025, 1, 7, 6, 0, 0, TimeSpan.Zero), schedule.GetNextOccurrence(Monday0801, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("0 * * * *")]
    [InlineData("every hour")]
    [InlineData("0 0 25 * * *")]
    public void A_five_field_or_invalid_expression_fails_naming_the_flow_and_the_setting(string expression)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FlowScheduler.ScheduleOf(Flow(), Configuration(("ProcurifyX3_Schedule", expression))));

        Assert.Contains("procurify-x3", error.Message, StringComparison.Ordinal);
        Assert.Contains(Setting, error.Message, StringComparison.Ordinal);
        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
    }

    private static FlowDefinition Flow(string? setting = Setting) => new()
    {
        Name = "procurify-x3",
        Description = "test flow",
        SourceSystem = "Procurify",
        TargetSystem = "Sage X3",
        ScheduleSetting = setting,
        DefaultSchedule = "0 0 6 * * *",
        Mapper = _ => throw new NotSupportedException(),
        Sink = _ => throw new NotSupportedException(),
    };

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
