using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>Miles on the dashboard, in real Chromium: the profile's unit in the history, the athlete form, the outcome and a run's page.</summary>
public sealed class UnitsTests(DashboardFixture chromium) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task AProfileInMilesShowsNoKilometres()
    {
        // A dashboard with a store of its own: the shared fixture's store stays in kilometres for the other tests.
        await using var own = await LoopbackDashboard.StartAsync();
        var page = await chromium.OpenAsync(own.Http.BaseAddress!.ToString());

        var form = page.Locator("#athlete-form");
        await form.Locator("[name=units]").SelectOptionAsync("mi");
        await form.Locator("[name=threshold_pace]").FillAsync("7:40");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#athlete-status")).ToContainTextAsync("Saved");
        await Expect(page.Locator("#pace-unit")).ToHaveTextAsync("/mi");
        await Expect(form.Locator("[name=threshold_pace]")).ToHaveValueAsync("7:40");

        await page.Locator("#upload-files").SetInputFilesAsync(Path.Combine(DashboardFixture.RepositoryRoot(), "tests/fixtures/activities/fit/2013-02-06-12-11-14.fit"));
        await page.Locator("#upload-form button").ClickAsync();
        await Expect(page.Locator("#history-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history-table tbody tr td").Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d mi$"));
        await page.Locator("#history-run").ClickAsync();
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("Your history");

        foreach (var section in new[] { "#athlete", "#history", "#outcome" })
        {
            Assert.DoesNotContain("km", await page.Locator(section).InnerTextAsync(), StringComparison.Ordinal);
        }

        // The run's own page too: its figures, charts, laps (a km each, so 0.62 mi) and splits per mile.
        await Expect(page.Locator("#history-weekly-volume")).ToContainTextAsync(" mi, ");
        await page.Locator("#history-table tbody tr td a").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(page.Locator("#run-laps tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#run-laps tbody tr").First).ToContainTextAsync("0.62 mi");
        await Expect(page.Locator("#run-splits caption")).ToHaveTextAsync("Splits per mi (whole mi)");
        Assert.DoesNotContain("km", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
