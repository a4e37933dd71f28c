using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Stages;

namespace MlConnector.Tests.Pipeline.Stages;

public sealed class WriteStageTests
{
    /// <summary>Stedi (and most APIs that take one) accept an Idempotency-Key of at most 255 characters.</summary>
    private const int IdempotencyKeyLimit = 255;

    [Fact]
    public void The_idempotency_key_is_the_same_for_every_attempt_at_one_version()
    {
        var first = Message("procurify-x3", "PO/2024#7", "v3");
        var retry = first with { CorrelationId = "another", Attempt = 4, ReceivedAt = first.ReceivedAt.AddHours(5), RecordETag = "W/\"etag\"" };

        Assert.Equal(WriteStage.IdempotencyKey(first), WriteStage.IdempotencyKey(retry));
    }

    [Fact]
    public void A_new_version_flow_or_record_gets_a_new_idempotency_key()
    {
        var keys = new[]
        {
            Message("procurify-x3", "PO/2024#7", "v3"),
            Message("procurify-x3", "PO/2024#7", "v4"),
            Message("procurify-requisitions-x3", "PO/2024#7", "v3"),
            Message("procurify-x3", "PO/2024#8", "v3"),
        }.Select(WriteStage.IdempotencyKey);

        Assert.Equal(4, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("procurify-x3", "1042", "2025-01-06T08:00:00Z")]
    [InlineData("adobe-commerce-x3", "000000123", "")]
    public void The_idempotency_key_fits_the_header_limit_and_is_plain_ascii(string flow, string sourceKey, string version)
    {
        var key = WriteStage.IdempotencyKey(Message(flow, sourceKey, version));

        AssertUsableKey(key);
    }

    [Fact]
    public void A_very_long_record_key_still_gives_a_short_idempotency_key()
    {
        var key = WriteStage.IdempotencyKey(Message(new string('f', 300), new string('k', 5_000), new string('v', 1_000)));

        AssertUsableKey(key);
    }

    private static void AssertUsableKey(string key)
    {
        Assert.InRange(key.Length, 16, IdempotencyKeyLimit);
        Assert.All(key, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c == '-', $"'{c}' in {key}"));
    }

    private static PipelineMessage Message(string flow, string sourceKey, string version) => new()
    {
        Flow = flow,
        SourceKey = sourceKey,
        SourceVersion = version,
        CorrelationId = "corr-1",
        ReceivedAt = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero),
    };
}
