using Microsoft.AspNetCore.Builder;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RunAdapt.Web.Tests;

/// <summary>End to end: the real page in real Chromium against the real dashboard and store.</summary>
public sealed class DashboardTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task PageLoadsWithTheBuiltInScenariosAndNoOutsideRequests()
    {
        var page = await dashboard.Browser.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(dashboard.Address, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await page.GotoAsync(dashboard.Address);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Contains("novice", await page.Locator("#scenario-pick option").AllTextContentsAsync());
        await Expect(page.Locator("#scenario-yaml")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("athlete"));
        Assert.Empty(outside);
    }

    /// <summary>The athlete form: shows the stored profile, saves an edited one (analysing stored runs again), keeps it across a reload, and a bad value is one readable error.</summary>
    [Fact]
    public async Task TheAthleteIsEditedSavedAndKept()
    {
        var page = await dashboard.OpenAsync();
        var form = page.Locator("#athlete-form");
        await Expect(form.Locator("[name=age]")).Not.ToHaveValueAsync("");
        await form.Locator("[name=sex]").SelectOptionAsync("female");
        await form.Locator("[name=age]").FillAsync("34");
        await form.Locator("[name=mass_kg]").FillAsync("58");
        await form.Locator("[name=hr_max]").FillAsync("188");
        await form.Locator("[name=hr_rest]").FillAsync("48");
        await form.Locator("[name=threshold_pace]").FillAsync("4:45");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#athlete-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Saved; \d+ stored activities analysed again\.$"));

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(form.Locator("[name=sex]")).ToHaveValueAsync("female");
        await Expect(form.Locator("[name=mass_kg]")).ToHaveValueAsync("58");
        await Expect(form.Locator("[name=threshold_pace]")).ToHaveValueAsync("4:45");

        // The page's own check stops a malformed pace; the server answers a request that slips past it with one line.
        var error = await page.EvaluateAsync<string>("""
            async () => (await (await fetch("/api/athlete", { method: "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ sex: "female", age: 34, mass_kg: 58, training_status: "trained", foot_strike: "rearfoot", hr_max: 188, hr_rest: 48, threshold_pace: "fast" }) })).json()).error
            """);
        Assert.Equal("threshold pace must be M:SS per km (e.g. 4:30, 7:15/mi), not 'fast'", error);
    }

    /// <summary>A training log uploaded like an activity file adds its sessions once; a log with a mistake is rejected with the line and column.</summary>
    [Fact]
    public async Task ATrainingLogIsUploadedOnce()
    {
        var page = await dashboard.OpenAsync();
        var dir = Directory.CreateTempSubdirectory("runadapt-log-").FullName;
        var log = Path.Combine(dir, "gym.yaml");
        await File.WriteAllTextAsync(log, "sessions:\n  - { date: 2013-01-10, strength: [ { exercise: back_squat, sets: 4, reps: 8, load_pct_1rm: 75 } ] }\n  - { date: 2013-01-12, strength: [ { exercise: hip_thrust, sets: 3, reps: 10, load_pct_1rm: 70 } ] }\n", TestContext.Current.CancellationToken);
        var bad = Path.Combine(dir, "bad.yml");
        await File.WriteAllTextAsync(bad, "sessions:\n  - { date: 2013-01-14, strength: [ { exercise: bench_press, sets: 3, reps: 5 } ] }\n", TestContext.Current.CancellationToken);

        await page.Locator("#upload-files").SetInputFilesAsync(log);
        await page.Locator("#upload-form button").ClickAsync();
        await Expect(page.Locator("#upload-results li")).ToHaveTextAsync("gym.yaml: logged (2 sessions from gym.yaml)");
        await page.Locator("#upload-files").SetInputFilesAsync([log, bad]);
        await page.Locator("#upload-form button").ClickAsync();
        await Expect(page.Locator("#upload-results li").First).ToHaveTextAsync("gym.yaml: logged (2 sessions from gym.yaml (replacing 2 logged from it before))");
        await Expect(page.Locator("#upload-results li").Nth(1)).ToContainTextAsync("bad.yml: rejected (bad.yml:2:");
    }

    [Fact]
    public async Task UploadedFitFileAppearsInTheHistoryAndDrivesABodyMap()
    {
        var page = await dashboard.OpenAsync();
        var fit = Path.Combine(DashboardFixture.RepositoryRoot(), "tests/fixtures/activities/fit/2013-02-06-12-11-14.fit");
        await page.Locator("#upload-files").SetInputFilesAsync(fit);
        await page.Locator("#upload-form button").ClickAsync();
        await Expect(page.Locator("#upload-results li")).ToHaveTextAsync("2013-02-06-12-11-14.fit: imported");
        await Expect(page.Locator("#upload-percent")).ToHaveTextAsync("100 %");
        var row = page.Locator("#history-table tbody tr").Filter(new() { HasText = "2013-02-06-12-11-14.fit" });
        await Expect(row).ToHaveCountAsync(1);
        // The run's load from its heart rate, and what it held (the hill: a climb).
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ \(HR\)"));
        await Expect(row).ToContainTextAsync("climb");

        await page.Locator("#history-run").ClickAsync();
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("Your history");
        Assert.Equal(16, await page.Locator("#outcome-bodymap path.muscle").CountAsync());
        await Expect(page.Locator("#outcome-findings li").First).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task UploadingTheSameFileTwiceIsADuplicateAndGarbageIsRejected()
    {
        var fit = Path.Combine(DashboardFixture.RepositoryRoot(), "tests/fixtures/activities/fit/Activity.fit");
        async Task<string> Upload(string name, byte[] bytes)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", name } };
            var response = await dashboard.Http.PostAsync("/api/upload", form, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        var bytes = await File.ReadAllBytesAsync(fit, TestContext.Current.CancellationToken);
        await Upload("Activity.fit", bytes);
        Assert.Contains("\"status\":\"duplicate\"", await Upload("Activity.fit", bytes), StringComparison.Ordinal);
        var rejected = await Upload("notes.fit", Encoding.UTF8.GetBytes("this is not a FIT file"));
        Assert.Contains("\"status\":\"rejected\"", rejected, StringComparison.Ordinal);
        Assert.Contains("notes.fit", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsABuiltInScenarioAndShowsBodyMapAndCharts()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#scenario-pick").SelectOptionAsync("novice-sprints");
        await Expect(page.Locator("#scenario-yaml")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("repeats|sprint"));
        await page.Locator("#scenario-run").ClickAsync();
        await Expect(page.Locator("#outcome")).ToBeVisibleAsync();
        await Expect(page.Locator("#outcome-findings li").First).ToContainTextAsync("grew most");
        Assert.Equal(16, await page.Locator("#outcome-bodymap path.muscle").CountAsync());
        await Expect(page.Locator("#outcome-charts .uplot").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#outcome-charts .uplot").CountAsync() >= 9);
        await Expect(page.Locator("#outcome-bodymap .legend")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "dashboard.png");
    }

    [Fact]
    public async Task TheFullReportReflectsTheScenarioAsEdited()
    {
        var page = await dashboard.OpenAsync();
        var yaml = (await page.Locator("#scenario-yaml").InputValueAsync()).Replace("name: novice", "name: my-edited-plan", StringComparison.Ordinal);
        await page.Locator("#scenario-yaml").FillAsync(yaml);
        await page.Locator("#scenario-run").ClickAsync();
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("my-edited-plan");
        var popup = await page.RunAndWaitForPopupAsync(() => page.Locator("#outcome-report-form button").ClickAsync());
        await Expect(popup.Locator("h1")).ToHaveTextAsync("my-edited-plan");
        await Expect(popup.Locator("#body-map svg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnInvalidScenarioShowsOneLineNamingTheProblem()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#scenario-yaml").FillAsync("weeks: [");
        await page.Locator("#scenario-run").ClickAsync();
        await Expect(page.Locator("#scenario-error")).ToContainTextAsync("scenario:");
    }

    [Fact]
    public async Task ComparesTwoScenariosOnOneScale()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#compare-first").SelectOptionAsync("novice");
        await page.Locator("#compare-second").SelectOptionAsync("sprinter-who-lifts");
        await page.Locator("#compare-run").ClickAsync();
        await Expect(page.Locator("#compare-compare thead th").Nth(2)).ToHaveTextAsync("sprinter-who-lifts");
        Assert.Equal(32, await page.Locator("#compare-bodymap path.muscle").CountAsync());
        Assert.Equal(1, await page.Locator("#compare-bodymap .legend").CountAsync());
        Assert.True(await page.Locator("#compare-compare tbody tr").CountAsync() >= 4);
        await page.Locator("#compare").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "compare.png") });
    }

    /// <summary>The scenario in the editor — edited, or the user's own — can be compared with a built-in one.</summary>
    [Fact]
    public async Task ComparesTheScenarioInTheEditorWithABuiltIn()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#scenario-yaml").FillAsync("""
            name: my plan
            athlete: { sex: female, age: 35, mass_kg: 60, training_status: recreational }
            weeks: 12
            week:
              - { day: mon, run: { minutes: 40, effort: easy } }
              - { day: wed, strength: [ { exercise: hip_thrust, sets: 4, reps: 8, load_pct_1rm: 75 } ] }
              - { day: sat, run: { minutes: 60, effort: easy } }
            """);
        await page.Locator("#compare-first").SelectOptionAsync("(editor)");
        await page.Locator("#compare-second").SelectOptionAsync("novice");
        await page.Locator("#compare-run").ClickAsync();
        await Expect(page.Locator("#compare-compare thead th").Nth(1)).ToHaveTextAsync("my plan");
        await Expect(page.Locator("#compare-compare thead th").Nth(2)).ToHaveTextAsync("novice");
        Assert.Equal(32, await page.Locator("#compare-bodymap path.muscle").CountAsync());

        // A mistake in the edited text is shown as one line, with its position.
        await page.Locator("#scenario-yaml").FillAsync("weeks: 2\nweek:\n  - { day: mon, run: { km: 5, pase: \"6:00/km\" } }\n");
        await page.Locator("#compare-run").ClickAsync();
        await Expect(page.Locator("#compare-error")).ToContainTextAsync("scenario:3:");
    }

    /// <summary>After a scenario runs, "How sure, and why?" shows the bands, their drivers, and each kind of session's part.</summary>
    [Fact]
    public async Task HowSureAndWhyFollowTheOutcomeOnShow()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#scenario-pick").SelectOptionAsync("novice-hills");
        await Expect(page.Locator("#scenario-yaml")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("grade_pct"));
        await page.Locator("#scenario-run").ClickAsync();
        await Expect(page.Locator("#outcome-title")).ToHaveTextAsync("novice-hills");
        await page.Locator("#insight-run").ClickAsync();
        await Expect(page.Locator("#insight-how-sure tbody tr")).ToHaveCountAsync(4 * 2 + 5); // size and type I of 4 muscles, 5 body measures
        await Expect(page.Locator("#insight-drivers")).ToContainTextAsync("person.vo2_response_cv");
        await Expect(page.Locator("#insight-why tbody tr")).ToHaveCountAsync(3); // easy, hills and the total
        await Expect(page.Locator("#insight-why tbody")).ToContainTextAsync("Hills");
        // The answer now says, in words, where the model is not sure (the bands of some measures span no change).
        await Expect(page.Locator("#outcome-findings li").First).ToContainTextAsync("Not sure: ");
    }

    /// <summary>A measure added to the catalogue is on the page without any edit to the page or the dashboard.</summary>
    [Fact]
    public async Task AMeasureAddedToTheCatalogueIsOnThePage()
    {
        var catalogue = Core.Outcomes.MeasureCatalogue.Standard.With(
            Core.Outcomes.Measure.OfBody("body_fat", "body_fat_pct", "body fat share", b => 100 * b.FatMassKilograms / b.BodyMassKilograms) with { Unit = "%" });
        await using var own = await LoopbackDashboard.StartAsync(catalogue);
        var page = await dashboard.OpenAsync(own.Http.BaseAddress!.ToString());
        await page.Locator("#scenario-run").ClickAsync();
        var row = page.Locator("#outcome-body tbody tr").Filter(new() { HasText = "body fat share" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").First).ToHaveTextAsync("20.0 %");
    }

    /// <summary>"What should I change?" on the scenario in the editor: the model's ranked answer, and a bad goal as one line.</summary>
    [Fact]
    public async Task TheGoalSearchSaysWhatToChangeInThePlanInTheEditor()
    {
        var page = await dashboard.OpenAsync();
        await page.Locator("#scenario-pick").SelectOptionAsync("novice");
        await Expect(page.Locator("#scenario-yaml")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("weeks"));
        await page.Locator("#goal-measure").SelectOptionAsync("calves");
        await page.Locator("#goal-form input[name=target]").FillAsync("5");
        await page.Locator("#goal-keep").SelectOptionAsync("vo2max");
        await page.Locator("#goal-form button").ClickAsync();
        await Expect(page.Locator("#goal-verdict")).ToContainTextAsync("Best: land on the forefoot");
        await Expect(page.Locator("#goal-table tbody tr").First).ToContainTextAsync("forefoot");
        Assert.Equal(8, await page.Locator("#goal-table tbody tr").CountAsync());
        await page.Locator("#goal").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "goal.png") });

        await page.Locator("#scenario-yaml").FillAsync("weeks: two\nweek: []\n");
        await page.Locator("#goal-form button").ClickAsync();
        await Expect(page.Locator("#goal-error")).ToContainTextAsync("scenario:1:");
    }

    [Fact]
    public async Task ServesASelfContainedReportForAScenario()
    {
        var html = await dashboard.Http.GetStringAsync("/report.html?scenario=novice", TestContext.Current.CancellationToken);
        Assert.Contains("id=\"how-sure\"", html, StringComparison.Ordinal);
        Assert.Contains("What did my running build?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownScenarioIsABadRequestWithOneLine()
    {
        var response = await dashboard.Http.PostAsync("/api/compare", new StringContent("{\"first\":\"novice\",\"second\":\"nope\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"error\":\"nope: not a built-in scenario\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void BindsToLoopbackByDefault()
    {
        var app = Dashboard.Build([]);
        Assert.Equal(Dashboard.DefaultUrl, app.Configuration["urls"]);
        Assert.StartsWith("http://127.0.0.1:", Dashboard.DefaultUrl, StringComparison.Ordinal);
    }
}
