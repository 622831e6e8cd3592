using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>The OpenAPI document describes every endpoint of the API (server mode has them all; the backend does not matter).</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentListsEveryApiEndpoint()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await ServerDashboard.StartAsync(sqlite: true);
        using var response = await server.NewClient().GetAsync("/openapi/v1.json", cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel)).RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();

        var described = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+)(?::[^}]*)?\}", "{$1}")}"))
            .ToList();
        Assert.Contains("POST /api/upload", described);
        Assert.All(described, e => Assert.Contains(e, documented));

        // Every API route is described; only the pages (and the document itself) are left out.
        var undescribed = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            .Select(e => e.RoutePattern.RawText!).ToList();
        Assert.DoesNotContain(undescribed, r => r.StartsWith("/api", StringComparison.Ordinal));
    }
}
