using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using RunAdapt.Cli;
using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>The dashboard's dated, interactive charts and its phone layout, in real Chromium, on the bundled sample year.</summary>
public sealed class InteractiveChartsTests(DashboardFixture chromium) : IClassFixture<DashboardFixture>
{
    private static async Task<LoopbackDashboard> WithSampleYearAsync()
    {
        var dashboard = await LoopbackDashboard.StartAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        var status = CliApp.Run(["import", Path.Combine(DashboardFixture.RepositoryRoot(), "samples", "activities"), "--db", dashboard.StorePath], output, error);
        Assert.True(status == CliApp.Success, error.ToString());
        return dashboard;
    }

    /// <summary>Opens the page, records every request it makes, and shows the history's outcome.</summary>
    private async Task<(IPage Page, List<string> Requests)> HistoryOutcomeAsync(LoopbackDashboard dashboard, int width, int height)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(dashboard.Http.BaseAddress!.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(page.Locator("#history-run")).ToBeEnabledAsync();
        await page.Locator("#history-run").ClickAsync();
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("Your history");
        await Expect(page.Locator("#outcome-charts .uplot").First).ToBeVisibleAsync();
        return (page, requests);
    }

    /// <summary>Where a screenshot goes: next to the test binaries (docs/images are refreshed from these).</summary>
    private static string Screenshot(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, name);

    /// <summary>The x range a chart of the page shows now (what a drag zooms).</summary>
    internal static async Task<(double Min, double Max)> XRangeAsync(IPage page, string chart) =>
        JsonSerializer.Deserialize<double[]>(await page.EvaluateAsync<string>($"() => JSON.stringify([window.runadaptCharts['{chart}'].scales.x.min, window.runadaptCharts['{chart}'].scales.x.max])"))
            is [var min, var max] ? (min, max) : throw new InvalidOperationException("no range");

    [Fact]
    public async Task ChartsAreDatedShowValuesOnHoverZoomIntoDatesAndLoadNothingFromOutside()
    {
        await using var dashboard = await WithSampleYearAsync();
        var (page, requests) = await HistoryOutcomeAsync(dashboard, 1280, 900);

        // The history list's weekly volume: the year's last 12 weeks, each run kind's distance and time.
        await Expect(page.Locator("#history-weekly-volume tbody tr")).ToHaveCountAsync(12);
        await Expect(page.Locator("#history-weekly-volume")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"easy \d+: \d+\.\d km, \d+:\d\d:\d\d"));
        await page.Locator("#history-volume").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshot("dashboard-history-volume.png") });

        // The weekly volume and a chart per measure, fitness–fatigue–form and the weekly volume by kind.
        await Expect(page.Locator("#outcome-weekly-volume tbody tr")).ToHaveCountAsync(12);
        foreach (var name in new[] { "size", "vo2max", "bone", "fitness-fatigue", "weekly-volume" })
        {
            await Expect(page.Locator($"#outcome-charts figure[data-chart='{name}'] canvas")).ToBeVisibleAsync();
        }

        // The time axis is dates: the fitness–fatigue–form chart starts on the first run's day.
        var first = await page.EvaluateAsync<double>("() => window.runadaptCharts['fitness-fatigue'].data[0][0]");
        Assert.Equal(new DateTimeOffset(2025, 1, 7, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), first);

        // Each chart fits its cell of the grid.
        Assert.Equal("", await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#outcome-charts figure')].filter(f => f.querySelector('.uplot').scrollWidth > f.getBoundingClientRect().width + 1).map(f => f.dataset.chart + ' ' + f.querySelector('.uplot').scrollWidth + ' > ' + f.getBoundingClientRect().width).join('; ')"));

        // Hover: the legend shows the day and the value under the cursor.
        var chart = page.Locator("#outcome-charts figure[data-chart='vo2max']");
        var over = chart.Locator(".u-over");
        await over.ScrollIntoViewIfNeededAsync();
        var box = (await over.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Expect(chart.Locator(".u-legend .u-series").First.Locator(".u-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^2025-\d\d-\d\d$"));
        await Expect(chart.Locator(".u-legend .u-series").Nth(1).Locator(".u-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d ml/kg/min$"));
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshot("dashboard-chart-hover.png") });
        box = (await over.BoundingBoxAsync())!;
        // Zoom: dragging across the middle of the chart narrows its dates to what was dragged over.
        var (min, max) = await XRangeAsync(page, "vo2max");
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        var (zoomedMin, zoomedMax) = await XRangeAsync(page, "vo2max");
        Assert.True(zoomedMin > min && zoomedMax < max, string.Create(CultureInfo.InvariantCulture, $"{min}–{max} became {zoomedMin}–{zoomedMax}"));
        Assert.InRange((zoomedMax - zoomedMin) / (max - min), 0.1, 0.35);
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshot("dashboard-chart-zoomed.png") });

        // Every request went to the dashboard itself, on loopback.
        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback || url.StartsWith("data:", StringComparison.Ordinal), url));
    }

    [Fact]
    public async Task OnAPhoneSizedScreenNothingOverflowsAndTheChartsFit()
    {
        await using var dashboard = await WithSampleYearAsync();
        var (page, requests) = await HistoryOutcomeAsync(dashboard, 390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the page is wider than the screen: "
            + await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && e.offsetParent !== null).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"));
        var charts = page.Locator("#outcome-charts .uplot");
        Assert.True(await charts.CountAsync() >= 10);
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var box = (await charts.Nth(i).BoundingBoxAsync())!;
            Assert.InRange(box.Width, 200, 390);
            Assert.True(box.X >= 0, "a chart starts off the screen");
        }

        await page.Locator("#outcome-charts").ScrollIntoViewIfNeededAsync();
        await Expect(charts.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard-phone.png") });
        Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback || url.StartsWith("data:", StringComparison.Ordinal), url));
    }
}
