using Microsoft.Playwright;
using RunAdapt.Cli;
using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>A run's own page, reached from the dashboard's history, in real Chromium.</summary>
public sealed class RunPageTests(DashboardFixture chromium) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task TheHistoryLinksEachRunToItsPageWithRouteChannelsLapsSplitsFindingsAndShare()
    {
        await using var dashboard = await LoopbackDashboard.StartAsync();
        var fixtures = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities");
        var error = new StringWriter();
        Assert.True(CliApp.Run(["import", Path.Combine(fixtures, "tcx", "test.tcx"), Path.Combine(fixtures, "fit", "2013-02-06-12-11-14.fit"), "--db", dashboard.StorePath], new StringWriter(), error) == CliApp.Success, error.ToString());

        var page = await chromium.OpenAsync(dashboard.Http.BaseAddress!.ToString());
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        // The history's weekly volume: 12 weeks up to the FIT run's, each run by its kind with its distance and time.
        await Expect(page.Locator("#history-weekly-volume tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("#history-weekly-volume tbody tr").Last).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^2013-02-04\s*1\s*\d+:\d\d\s*4\.8\s*[a-z]+ 1: 4\.8 km, \d+:\d\d$"));
        await Expect(page.Locator("#history-weekly-volume")).ToContainTextAsync("easy 1: 4.7 km, 33:12");
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

        // Zoom: dragging across the middle of the pace chart narrows its distances to what was dragged over.
        var (min, max) = await InteractiveChartsTests.XRangeAsync(page, "pace");
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        var (zoomedMin, zoomedMax) = await InteractiveChartsTests.XRangeAsync(page, "pace");
        Assert.True(zoomedMin > min && zoomedMax < max, $"{min}–{max} became {zoomedMin}–{zoomedMax}");
        await pace.DblClickAsync();

        // The figures, the device's three laps (a mile each, then the rest; the TCX gives no ascent, so the gain is the
        // samples'), the splits (four whole km and the rest), what the analysis found and the run's share.
        await Expect(page.Locator("#run-run")).ToContainTextAsync("TRIMP, Banister's TRIMP from the recorded heart rate");
        await Expect(page.Locator("#run-laps tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#run-laps thead")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("lap\\s*distance\\s*time\\s*pace /km\\s*avg HR\\s*gain\\s*intensity"));
        await Expect(page.Locator("#run-laps tbody tr").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1\s*1\.61 km\s*10:08\s*6:18\s*1\d\d bpm\s*\+\d+ m\s*active$"));
        await Expect(page.Locator("#run-splits tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#run-repeats tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#run-climbs tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#run-share")).ToContainTextAsync("this run's share");
        await Expect(page.Locator("#run-share tbody tr")).ToHaveCountAsync(6);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "run-page.png"), FullPage = true });

        Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback, url));

        // On a phone-sized screen nothing is wider than the screen (wide tables scroll inside their box).
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(page.Locator("#run-laps tbody tr")).ToHaveCountAsync(3);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the run page is wider than a phone");

        // The page's JSON carries the laps as numbers too.
        var id = page.Url[(page.Url.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        var laps = System.Text.Json.Nodes.JsonNode.Parse(await dashboard.Http.GetStringAsync($"/api/activities/{id}", TestContext.Current.CancellationToken))!["laps"]!.AsArray();
        Assert.Equal([1, 2, 3], laps.Select(l => (int)l!["number"]!));
        Assert.InRange(laps.Sum(l => (double)l!["distance_m"]!), 4680, 4700);
        Assert.Equal("6:18", (string?)laps[0]!["pace"]);
        Assert.All(laps, l => Assert.InRange((double)l!["avg_hr"]!, 100, 200));
    }
}
