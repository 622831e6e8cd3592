using System.Net;
using System.Net.Http.Json;

namespace RunAdapt.Web.Tests;

/// <summary>A signed-in athlete changes the password: the old one and every earlier token stop working at once.</summary>
public sealed class PasswordChangeTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task ChangingThePasswordEndsEveryEarlierSignIn()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await ServerDashboard.StartAsync();
        await server.RegisterAsync("ann", Password);
        var ann = await server.BearerAsync("ann", Password);
        var other = await server.BearerAsync("ann", Password);

        using (var wrong = await ann.PostAsJsonAsync("/api/account/password", new { current = "not the password", @new = "a brand new password" }, cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var tooShort = await ann.PostAsJsonAsync("/api/account/password", new { current = Password, @new = "short" }, cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        }

        using (var changed = await ann.PostAsJsonAsync("/api/account/password", new { current = Password, @new = "a brand new password" }, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        // Both tokens issued before the change, the one that made it too, are refused now.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/account", cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/account", cancel)).StatusCode);
        using (var old = await server.NewClient().PostAsJsonAsync("/api/token", new { user = "ann", password = Password }, cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        var renewed = await server.BearerAsync("ann", "a brand new password");
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/account", cancel)).StatusCode);
    }
}
