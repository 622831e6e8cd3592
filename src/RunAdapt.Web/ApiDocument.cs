using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RunAdapt.Web;

/// <summary>
/// The API's OpenAPI 3.1 document (<c>/openapi/v1.json</c>), built from the endpoints ASP.NET Core's API explorer
/// describes (the shared framework's own; Microsoft.AspNetCore.OpenApi would be one more package next to runadapt.dll,
/// whose dependencies the dashboard must not outgrow): every route and method, its path and query parameters, and the
/// JSON schema of its body from the same serializer settings the endpoints use.
/// </summary>
internal static partial class ApiDocument
{
    /// <summary>Where the document is served.</summary>
    public const string Path = "/openapi/v1.json";

    public static JsonObject Build(IApiDescriptionGroupCollectionProvider provider, bool server)
    {
        var paths = new JsonObject();
        foreach (var api in provider.ApiDescriptionGroups.Items.SelectMany(g => g.Items).OrderBy(a => a.RelativePath, StringComparer.Ordinal))
        {
            var path = "/" + RouteConstraint().Replace(api.RelativePath ?? "", "{$1}").TrimStart('/');
            var operations = paths[path] as JsonObject ?? [];
            paths[path] = operations;
            var operation = new JsonObject
            {
                ["operationId"] = $"{api.HttpMethod?.ToLowerInvariant()}{NonWord().Replace(path, "_")}",
                ["parameters"] = new JsonArray([.. api.ParameterDescriptions
                    .Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query)
                    .Select(p => (JsonNode)new JsonObject
                    {
                        ["name"] = p.Name,
                        ["in"] = p.Source == BindingSource.Path ? "path" : "query",
                        ["required"] = p.Source == BindingSource.Path || p.IsRequired,
                        ["schema"] = Schema(p.Type),
                    })]),
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject { ["description"] = "The answer (JSON unless the path says otherwise)." },
                    ["400"] = new JsonObject { ["description"] = "A mistake in the request, in one line: {\"error\": \"...\"}." },
                },
            };
            if (server)
            {
                ((JsonArray)operation["parameters"]!).Add(new JsonObject
                {
                    ["name"] = "athlete", ["in"] = "query", ["required"] = false, ["schema"] = new JsonObject { ["type"] = "integer" },
                    ["description"] = "Another athlete's id: allowed while that athlete grants you access, and only for reading.",
                });
                operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["cookie"] = new JsonArray() });
            }

            if (api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body) is { } body)
            {
                operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(body.Type) } } };
            }
            else if (api.ActionDescriptor.EndpointMetadata.OfType<RawBody>().FirstOrDefault() is { } raw)
            {
                // A body the endpoint reads itself: scenario text, a multipart upload, a form.
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject([.. raw.MediaTypes.Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }))]),
                };
            }

            operations[api.HttpMethod!.ToLowerInvariant()] = operation;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "RunAdapt API",
                ["version"] = "v1",
                ["description"] = server
                    ? "Server mode: sign in with POST /api/token (a bearer token) or the /login page (a cookie; state-changing requests then carry the X-CSRF-TOKEN header from GET /api/session). Add ?athlete=ID to read an athlete who granted you access."
                    : "Local mode: one athlete, no sign-in, loopback only.",
            },
            ["paths"] = paths,
        };
        if (server)
        {
            document["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                    ["cookie"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = "runadapt" },
                },
            };
        }

        return document;
    }

    private static JsonNode Schema(Type type) => JsonSerializerOptions.Web.GetJsonSchemaAsNode(type);

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}

/// <summary>Describes a body an endpoint reads itself (not bound to a type), for the OpenAPI document only: it does not restrict what is accepted.</summary>
/// <param name="MediaTypes">The media types it takes.</param>
public sealed record RawBody(params string[] MediaTypes);
