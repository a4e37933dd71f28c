using MlConnector.Pipeline.Hosting;
using MlConnector.Tests.TestDoubles;

namespace MlConnector.Tests.Pipeline.Hosting;

public sealed class QueueRulesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_repository_host_json_gives_the_deployed_queue_rules()
    {
        var rules = QueueRules.Load(Path.Combine(RepositoryRoot(), "host.json"));

        Assert.Equal(5, rules.MaxDequeueCount);
        Assert.Equal("base64", rules.MessageEncoding);
        Assert.Equal(32, rules.BatchSize);
        Assert.Equal(16, rules.NewBatchThreshold);
    }

    [Fact]
    public void A_missing_file_gives_the_functions_host_defaults()
    {
        var rules = QueueRules.Load(_folder.File("host.json"));

        Assert.Equal(5, rules.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, rules.VisibilityTimeout);
        Assert.Equal(16, rules.BatchSize);
        Assert.Equal(8, rules.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(1), rules.MaxPollingInterval);
        Assert.Equal("base64", rules.MessageEncoding);
    }

    [Fact]
    public void Settings_are_read_from_extensions_queues()
    {
        var path = Write("""
            {
              // host.json allows comments
              "version": "2.0",
              "extensions": {
                "queues": {
                  "maxDequeueCount": 3,
                  "visibilityTimeout": "00:00:45",
                  "batchSize": 4,
                  "newBatchThreshold": 1,
                  "maxPollingInterval": "00:00:05",
                  "messageEncoding": "none",
                },
              },
            }
            """);

        var rules = QueueRules.Load(path);

        Assert.Equal(
            new QueueRules
            {
                MaxDequeueCount = 3,
                VisibilityTimeout = TimeSpan.FromSeconds(45),
                BatchSize = 4,
                NewBatchThreshold = 1,
                MaxPollingInterval = TimeSpan.FromSeconds(5),
                MessageEncoding = "none",
            },
            rules);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(32, 16)]
    public void New_batch_threshold_defaults_to_half_the_batch_size(int batchSize, int expectedThreshold)
    {
        var path = Write($$"""{ "extensions": { "queues": { "batchSize": {{batchSize}} } } }""");

        var rules = QueueRules.Load(path);

        Assert.Equal(batchSize, rules.BatchSize);
        Assert.Equal(expectedThreshold, rules.NewBatchThreshold);
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "batchSize": 16, """)]
    [InlineData("""{ "extensions": { "queues": { "batchSize": "sixteen" } } }""")]
    [InlineData("""{ "extensions": { "queues": { "visibilityTimeout": "thirty seconds" } } }""")]
    public void A_malformed_file_fails_with_an_error_naming_the_file(string content)
    {
        var path = Write(content);

        var error = Assert.Throws<InvalidOperationException>(() => QueueRules.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        var path = _folder.File("host.json");
        File.WriteAllText(path, content);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlConnector.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds MlConnector.sln.");
    }
}
