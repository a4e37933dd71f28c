using MlConnector.Simulators.AdobeCommerce;

namespace MlConnector.AdobeCommerce.Tests.Support;

/// <summary>One simulator per test class: its RSA key pairs take a moment to generate.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public AdobeCommerceSimulator Simulator { get; private set; } = null!;

    public async Task InitializeAsync() => Simulator = await AdobeCommerceSimulator.StartAsync();

    public async Task DisposeAsync() => await Simulator.DisposeAsync();
}
