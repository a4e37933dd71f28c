using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using MlConnector.Pipeline.Access;

namespace MlConnector.Tests.Pipeline.Access;

public sealed class EasyAuthAccessTests
{
    [Fact]
    public void An_Operator_app_role_in_the_client_principal_may_change_things()
    {
        var principal = Resolve(enabled: true, Principal("roles", ("preferred_username", "olga@contoso.example"), ("roles", "Operator")));

        Assert.Equal(OperatorRole.Operator, principal.Role);
        Assert.Equal("olga@contoso.example", principal.Name);
        Assert.True(principal.CanChange);
    }

    [Fact]
    public void Roles_are_read_from_the_principals_role_claim_type()
    {
        var principal = Resolve(enabled: true, Principal("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", ("name", "Rita"), ("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Reader")));

        Assert.Equal(OperatorRole.Reader, principal.Role);
        Assert.True(principal.CanView);
        Assert.False(principal.CanChange);
    }

    [Fact]
    public void A_signed_in_user_without_a_role_may_not_even_look()
    {
        var principal = Resolve(enabled: true, Principal("roles", ("preferred_username", "nina@contoso.example")));

        Assert.True(principal.IsAuthenticated);
        Assert.False(principal.CanView);
        Assert.Contains("neither the Operator nor the Reader app role", principal.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_is_not_trusted_while_the_built_in_authentication_is_off()
    {
        var principal = Resolve(enabled: false, Principal("roles", ("preferred_username", "mallory"), ("roles", "Operator")));

        Assert.False(principal.IsAuthenticated);
        Assert.Equal(OperatorRole.None, principal.Role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void No_or_a_garbled_principal_is_nobody(string? header)
    {
        var principal = Resolve(enabled: true, header);

        Assert.False(principal.IsAuthenticated);
        Assert.False(principal.CanView);
    }

    private static OperatorPrincipal Resolve(bool enabled, string? header)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [EasyAuthAccess.AuthEnabledSetting] = enabled ? "True" : null }).Build();
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[EasyAuthAccess.PrincipalHeader] = header;
        }

        return new EasyAuthAccess(configuration).Resolve(context.Request);
    }

    private static string Principal(string roleType, params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
            name_typ = "name",
            role_typ = roleType,
        })));
}
