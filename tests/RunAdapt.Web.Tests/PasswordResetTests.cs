using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>A forgotten password is reset with Identity's one-use token, delivered by the pluggable sender; the answer never says whether the account exists.</summary>
public sealed class PasswordResetTests
{
    private const string Password = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Keeps the links instead of logging them, as a mail sender would deliver them.</summary>
    private sealed class Outbox : IPasswordResetSender
    {
        public ConcurrentQueue<(string User, Uri Link)> Sent { get; } = new();

        public Task SendAsync(string userName, Uri link, CancellationToken cancellation)
        {
            Sent.Enqueue((userName, link));
            return Task.CompletedTask;
        }
    }

    private static string TokenOf(Uri link) => QueryHelpers.ParseQuery(link.Query)["token"].ToString();

    [Fact]
    public async Task AResetLinkSetsANewPasswordOnceAndEndsTheOldOne()
    {
        var outbox = new Outbox();
        await using var server = await ServerDashboard.StartAsync(sqlite: true, services: s => s.AddSingleton<IPasswordResetSender>(outbox));
        await server.RegisterAsync("ann", Password);
        var before = await server.BearerAsync("ann", Password);
        var anonymous = server.NewClient();

        // The same answer for an account that exists and one that does not; only the real one gets a link.
        using var real = await anonymous.PostAsJsonAsync("/api/account/forgot", new { user = "ann" }, Cancel);
        using var unknown = await anonymous.PostAsJsonAsync("/api/account/forgot", new { user = "nobody" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, real.StatusCode);
        Assert.Equal(real.StatusCode, unknown.StatusCode);
        Assert.Equal(await real.Content.ReadAsStringAsync(Cancel), await unknown.Content.ReadAsStringAsync(Cancel));
        var (user, link) = Assert.Single(outbox.Sent);
        Assert.Equal("ann", user);
        Assert.Equal(server.Address.Authority, link.Authority);
        Assert.Equal("/reset", link.AbsolutePath);
        var token = TokenOf(link);

        // A wrong token, and an unknown account, are refused alike.
        using (var wrong = await anonymous.PostAsJsonAsync("/api/account/reset", new { user = "ann", token = token[..^4] + "AAAA", password = "a brand new password" }, Cancel))
        using (var nobody = await anonymous.PostAsJsonAsync("/api/account/reset", new { user = "nobody", token, password = "a brand new password" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal(await wrong.Content.ReadAsStringAsync(Cancel), await nobody.Content.ReadAsStringAsync(Cancel));
        }

        // The link's page, then its form (with the page's antiforgery token) sets the password.
        var browser = server.NewClient();
        var page = await browser.GetStringAsync(link.PathAndQuery, Cancel);
        using (var reset = await browser.PostAsync("/reset", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "ann", ["token"] = token, ["password"] = "a brand new password", ["__RequestVerificationToken"] = ServerDashboard.FormToken(page),
        }), Cancel))
        {
            Assert.Equal("/login", reset.Headers.Location!.OriginalString);
        }

        // Used once: the same token is refused now, the old password and the token issued before no longer work.
        using (var again = await anonymous.PostAsJsonAsync("/api/account/reset", new { user = "ann", token, password = "yet another password" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        using (var old = await anonymous.PostAsJsonAsync("/api/token", new { user = "ann", password = Password }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/account", Cancel)).StatusCode);
        var after = await server.BearerAsync("ann", "a brand new password");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/account", Cancel)).StatusCode);
    }

    [Fact]
    public async Task TheDefaultSenderWritesTheLinkToTheServerLog()
    {
        var log = new ListLogger();
        var sender = new LogPasswordResetSender(log);
        await sender.SendAsync("ann", new Uri("http://127.0.0.1:5000/reset?user=ann&token=T"), Cancel);
        var (level, message) = Assert.Single(log.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, level);
        Assert.Contains("http://127.0.0.1:5000/reset?user=ann&token=T", message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger<LogPasswordResetSender>
    {
        public List<(Microsoft.Extensions.Logging.LogLevel, string)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
