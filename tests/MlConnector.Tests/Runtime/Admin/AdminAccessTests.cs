using System.Net;
using Microsoft.AspNetCore.Http;
using MlConnector.Runtime.Admin;

namespace MlConnector.Tests.Runtime.Admin;

public sealed class AdminAccessTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("https://127.0.0.2:443/", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:7071", false)]
    [InlineData("http://+:7071", false)]
    [InlineData("http://[::]:7071", false)]
    [InlineData("http://10.0.0.5:7071", false)]
    [InlineData("http://mlc.contoso.local:7071", false)]
    public void Only_loopback_addresses_and_localhost_count_as_loopback(string url, bool loopback)
    {
        Assert.Equal(loopback, AdminAccess.IsLoopback(url));
    }

    [Fact]
    public void A_loopback_only_listener_lets_local_callers_in_without_the_token()
    {
        var access = new AdminAccess(["http://127.0.0.1:7071"]);
        access.UseToken("the-token");

        Assert.True(access.Allows(Call(IPAddress.Loopback, bearer: null)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("not-the-token", false)]
    [InlineData("the-token", true)]
    public void A_listener_open_to_the_network_asks_everyone_for_the_token_even_local_callers(string? bearer, bool allowed)
    {
        var access = new AdminAccess(["http://0.0.0.0:7071"]);
        access.UseToken("the-token");

        Assert.Equal(allowed, access.Allows(Call(IPAddress.Loopback, bearer)));
        Assert.Equal(allowed, access.Allows(Call(IPAddress.Parse("192.168.1.20"), bearer)));
    }

    [Fact]
    public void Without_a_token_a_listener_open_to_the_network_lets_nobody_in()
    {
        var access = new AdminAccess(["http://0.0.0.0:7071", "http://127.0.0.1:7072"]);

        Assert.False(access.LoopbackOnly);
        Assert.False(access.Allows(Call(IPAddress.Loopback, bearer: "")));
    }

    private static DefaultHttpContext Call(IPAddress from, string? bearer)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = from;
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return context;
    }
}
