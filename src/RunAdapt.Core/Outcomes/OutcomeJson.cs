using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunAdapt.Core.Outcomes;

/// <summary>
/// The outcome's public JSON (DESIGN.md: <c>days</c>, <c>start</c>, <c>final</c>, <c>series</c>): the snapshots' own
/// keys, with every measure of the catalogue written under its JSON name, so a measure added to the catalogue is in
/// the JSON too.
/// </summary>
public static class OutcomeJson
{
    /// <summary>How every face writes the JSON: indented.</summary>
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true };

    /// <summary>The outcome as a JSON object.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="catalogue">The measures to write; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static JsonObject Node(SimulationOutcome outcome, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new JsonObject
        {
            ["days"] = outcome.Days,
            ["start"] = Snapshot(outcome.Start, catalogue),
            ["final"] = Snapshot(outcome.Final, catalogue),
            ["series"] = new JsonArray([.. outcome.Series.Select(s => (JsonNode)Snapshot(s, catalogue))]),
        };
    }

    /// <summary>One snapshot as a JSON object (the shape of <c>final</c>).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="catalogue">The measures to write; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static JsonObject Snapshot(BodySnapshot snapshot, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var node = JsonSerializer.SerializeToNode(snapshot, Options)!.AsObject();
        var muscles = node["muscles"]!.AsObject();
        foreach (var measure in (catalogue ?? MeasureCatalogue.Standard).All)
        {
            if (measure.Scope == MeasureScope.Body)
            {
                node[measure.Json] = measure.Read(snapshot);
                continue;
            }

            foreach (var muscle in snapshot.Muscles.Keys)
            {
                muscles[muscle]![measure.Json] = measure.Read(snapshot, muscle);
            }
        }

        return node;
    }

    /// <summary>A JSON object as the faces print it.</summary>
    /// <param name="node">The object.</param>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }
}
