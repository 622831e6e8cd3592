using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>Server mode's pages in real Chromium: sign in, the dashboard's own POSTs carry the antiforgery token, the account page grants and revokes.</summary>
public sealed class ServerPageTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AnAthleteSignsInUsesTheDashboardAndGrantsAndRevokesACoach()
    {
        await using var server = await ServerDashboard.StartAsync(sqlite: true);
        await server.RegisterAsync("ann", Password);
        await server.RegisterAsync("coach", Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);

        // The dashboard sends a stranger to the sign-in form; a wrong password is said there.
        await page.GotoAsync(server.Address.ToString());
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.Locator("[name=user]").FillAsync("ann");
        await page.Locator("[name=password]").FillAsync("not the password");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".error")).ToHaveTextAsync("wrong user name or password");
        await page.Locator("[name=user]").FillAsync("ann");
        await page.Locator("[name=password]").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(page.Locator("header.top nav a[href='/account']")).ToContainTextAsync("ann");

        // The page's POSTs (a fetch and an upload) carry the token and are served.
        var form = page.Locator("#athlete-form");
        await form.Locator("[name=age]").FillAsync("41");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#athlete-status")).ToContainTextAsync("Saved");
        var run = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", "activity-small-fenix2-run.fit");
        await page.Locator("#upload-files").SetInputFilesAsync(run);
        await page.Locator("#upload-form button").ClickAsync();
        await Expect(page.Locator("#upload-results li")).ToHaveTextAsync("activity-small-fenix2-run.fit: imported");

        // The account page: grant the coach, see it, revoke it.
        await page.GotoAsync(new Uri(server.Address, "/account").ToString());
        await page.Locator("[name=coach]").FillAsync("coach");
        await page.Locator("form[action='/account/grant'] button").ClickAsync();
        await Expect(page.Locator("li")).ToContainTextAsync("coach");
        await page.Locator("form[action='/account/revoke'] button").ClickAsync();
        await Expect(page.Locator("li")).ToHaveCountAsync(0);

        await page.Locator("form[action='/logout'] button").ClickAsync();
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }
}
