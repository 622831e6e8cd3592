using Microsoft.Playwright;
using RunAdapt.Cli;
using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>A run's own page, reached from the dashboard's history, in real Chromium.</summary>
public sealed class RunPageTests(DashboardFixture chromium) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task TheHistoryLinksEachRunToItsPageWithRouteChannelsSplitsFindingsAndShare()
    {
        await using var dashboard = await LoopbackDashboard.StartAsync();
        var fixtures = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities");
        var error = new StringWriter();
        Assert.True(CliApp.Run(["import", Path.Combine(fixtures, "tcx", "test.tcx"), Path.Combine(fixtures, "fit", "2013-02-06-12-11-14.fit"), "--db", dashboard.StorePath], new StringWriter(), error) == CliApp.Success, error.ToString());

        var page = await chromium.OpenAsync(dashboard.Http.BaseAddress!.ToString());
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        // Newest first: the second row is the TCX run of 26 December 2012, with positions, heart rate and climbs.
        await page.Locator("#history-table tbody tr").Nth(1).Locator("td a").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Contains("/run.html?id=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#run-title")).ToHaveTextAsync("2012-12-26 running, 4.69 km");
        await Expect(page.Locator("#run-error")).ToBeEmptyAsync();

        // The route: one polyline of the track's positions, start and finish marked, no map image.
        var points = await page.Locator("#run-route svg polyline.route").GetAttributeAsync("points");
        Assert.True(points!.Split(' ').Length > 100, "the route should follow the track");
        await Expect(page.Locator("#run-route svg circle.start")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("#run-route img").CountAsync());

        foreach (var channel in new[] { "pace", "heart-rate", "elevation" })
        {
            await Expect(page.Locator($"#run-charts figure[data-chart='{channel}'] canvas")).ToBeVisibleAsync();
        }

        // Hover on the pace: the distance and the pace under the cursor.
        var pace = page.Locator("#run-charts figure[data-chart='pace']");
        await pace.Locator(".u-over").ScrollIntoViewIfNeededAsync();
        var box = (await pace.Locator(".u-over").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Expect(pace.Locator(".u-legend .u-series").First.Locator(".u-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\.\d\d km$"));
        await Expect(pace.Locator(".u-legend .u-series").Nth(1).Locator(".u-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d min /km$"));

        // The figures, the splits (four whole km and the rest), what the analysis found and the run's share.
        await Expect(page.Locator("#run-run")).ToContainTextAsync("TRIMP, Banister's TRIMP from the recorded heart rate");
        await Expect(page.Locator("#run-splits tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#run-repeats tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#run-climbs tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#run-share")).ToContainTextAsync("this run's share");
        await Expect(page.Locator("#run-share tbody tr")).ToHaveCountAsync(6);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "run-page.png"), FullPage = true });

        Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback, url));
    }
}
