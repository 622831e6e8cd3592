using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>The dashboard on an ephemeral loopback port with a store of its own, and an HTTP client pointed at it.</summary>
internal sealed class LoopbackDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackDashboard(WebApplication app, string folder, HttpClient http) => (_app, Folder, Http) = (app, folder, http);

    /// <summary>The temporary folder holding the store.</summary>
    public string Folder { get; }

    /// <summary>The SQLite store the dashboard serves.</summary>
    public string StorePath => Path.Combine(Folder, "store.db");

    /// <summary>A client whose base address is the dashboard.</summary>
    public HttpClient Http { get; }

    /// <summary>Builds and starts the dashboard.</summary>
    /// <param name="arguments">Command-line arguments beyond the loopback URL and the store.</param>
    public static Task<LoopbackDashboard> StartAsync(params string[] arguments) => StartAsync(null, arguments);

    /// <summary>Builds and starts the dashboard with a measure catalogue of its own.</summary>
    /// <param name="catalogue">The measures the pages show; <c>null</c> for the standard ones.</param>
    /// <param name="arguments">Command-line arguments beyond the loopback URL and the store.</param>
    public static async Task<LoopbackDashboard> StartAsync(Core.Outcomes.MeasureCatalogue? catalogue, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("runadapt-web-tests-").FullName;
        var app = Dashboard.Build(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(folder, "store.db"), .. arguments], catalogue);
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        return new LoopbackDashboard(app, folder, http);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
