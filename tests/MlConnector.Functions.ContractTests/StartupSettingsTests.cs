using MlConnector.Functions.ContractTests.Host;
using MlConnector.Functions.ContractTests.Support;

namespace MlConnector.Functions.ContractTests;

/// <summary>The worker starts with the settings we ship: the sample exactly as it is, and what the Bicep deploys.</summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public async Task The_worker_starts_and_loads_every_function_with_local_settings_sample_exactly_as_shipped()
    {
        await using var host = await FunctionsTestHost.StartWorkerAsync(FunctionApp.Directory, AppSettingSets.LocalSample());

        await host.StartFunctionsAsync();

        Assert.Equal(ExpectedFunctions.All.Select(f => f.Name).Order(), host.Functions.Keys.Order());
        Assert.False(host.Worker.HasExited, host.Worker.Output);
    }
}
