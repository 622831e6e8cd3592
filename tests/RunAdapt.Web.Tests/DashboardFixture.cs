using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

namespace RunAdapt.Web.Tests;

/// <summary>The dashboard running in-process on a free loopback port with its own store, and a headless Chromium.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runadapt-web-tests-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The dashboard's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The browser (Debian's Chromium, as STACK.md prescribes).</summary>
    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found above the test binaries");
    }

    public async ValueTask InitializeAsync()
    {
        _app = Dashboard.Build(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder, "store.db")]);
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Http.BaseAddress = new Uri(Address);
        // Simulating a multi-year archetype and drawing its charts takes seconds on a loaded 2-core machine.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A fresh page on the dashboard (or on another one at <paramref name="address"/>), once its script has filled in the scenario lists.</summary>
    public async Task<IPage> OpenAsync(string? address = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(address ?? Address);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    /// <summary>Saves a screenshot next to the test binaries (docs/images are refreshed from these).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, name), FullPage = true });
    }
}
