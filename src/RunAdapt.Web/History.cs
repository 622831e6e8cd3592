using System.Security.Cryptography;
using System.Text.Json.Serialization;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Model;
using RunAdapt.Reports;
using RunAdapt.Storage;

namespace RunAdapt.Web;

/// <summary>One imported activity in the history list.</summary>
/// <param name="Sport">The sport.</param>
/// <param name="StartUtc">When it started (UTC).</param>
/// <param name="DistanceKilometres">Distance, in kilometres.</param>
/// <param name="MovingMinutes">Moving time, in minutes.</param>
/// <param name="Source">The file it came from.</param>
/// <param name="Trimp">Training load (Banister TRIMP), if analysed.</param>
/// <param name="LoadMethod">How the load was estimated (<c>HeartRate</c>, <c>Pace</c>, <c>PerceivedEffort</c>, <c>Duration</c>), if analysed.</param>
/// <param name="Held">What the session held, in a few words, if analysed.</param>
public sealed record HistoryEntry(
    [property: JsonPropertyName("sport")] string Sport,
    [property: JsonPropertyName("start")] DateTime StartUtc,
    [property: JsonPropertyName("distance_km")] double DistanceKilometres,
    [property: JsonPropertyName("moving_min")] double MovingMinutes,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("trimp")] double? Trimp = null,
    [property: JsonPropertyName("load_method")] string? LoadMethod = null,
    [property: JsonPropertyName("held")] string? Held = null);

/// <summary>What happened to one uploaded file (or one file inside an uploaded archive).</summary>
/// <param name="File">The file's name.</param>
/// <param name="Status"><c>imported</c>, <c>duplicate</c>, <c>not an activity</c> or <c>rejected</c>.</param>
/// <param name="Reason">Why it was rejected, if it was.</param>
public sealed record UploadResult(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>The athlete store behind the dashboard: imports uploads, lists the history, simulates it.</summary>
/// <param name="location">The store (<c>--db</c>): an SQLite file or PostgreSQL connection string; <c>null</c> for the default.</param>
public sealed class History(string? location)
{
    // SQLite allows one writer; uploads and reads from concurrent requests take turns.
    private readonly Lock _gate = new();

    /// <summary>The imported activities, newest first.</summary>
    public IReadOnlyList<HistoryEntry> List()
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location);
            return [.. store.ListActivities().OrderByDescending(a => a.StartUtc)
                .Select(a => new HistoryEntry(a.Sport, a.StartUtc, Math.Round(a.DistanceMetres / 1000, 2), Math.Round(a.MovingSeconds / 60, 1), a.SourceName,
                    a.Analysis is { } x ? Math.Round(x.Load.Trimp) : null, a.Analysis?.Load.Method.ToString(), a.Analysis?.Describe()))];
        }
    }

    /// <summary>Imports an uploaded file: an activity file, a <c>.gz</c>, or a <c>.zip</c> / whole export.</summary>
    /// <param name="fileName">The uploaded file's name (its extension decides how it is opened).</param>
    /// <param name="content">The content.</param>
    public IReadOnlyList<UploadResult> Import(string fileName, Stream content)
    {
        // Archives are read by path, so the upload goes to a private temporary folder under its own name.
        var folder = Directory.CreateTempSubdirectory("runadapt-upload-");
        try
        {
            // Only the last part of the client's name is kept, so no upload can be written outside its folder.
            var safeName = Path.GetFileName(fileName);
            var path = Path.Combine(folder.FullName, safeName is "" or "." or ".." ? "upload" : safeName);
            using (var file = File.Create(path))
            {
                content.CopyTo(file);
            }

            lock (_gate)
            {
                using var store = AthleteStore.Open(location);
                var athlete = store.LoadAthlete();
                var prefix = folder.FullName + Path.DirectorySeparatorChar;
                return [.. ActivitySource.Enumerate(path).Select(input => ImportOne(store, athlete, input, input.Name.Replace(prefix, string.Empty, StringComparison.Ordinal)))];
            }
        }
        catch (ActivityFormatException e)
        {
            return [new UploadResult(fileName, "rejected", e.UserMessage)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs the model over the history, from the first session to a week after the last.</summary>
    public ReportInput Simulate()
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location);
            var sessions = store.LoadSessions();
            if (sessions.Count == 0)
            {
                throw new UserInputException("no activities imported yet: upload some first");
            }

            var input = SimulationInput.ForHistory(store.LoadAthlete(), sessions);
            var first = input.StartDate;
            return new ReportInput
            {
                Title = "Your history",
                Description = $"{sessions.Count} sessions from {first:yyyy-MM-dd} to {sessions.Max(s => s.Date):yyyy-MM-dd}.",
                Outcome = Simulator.Run(input),
                Sessions = sessions,
                StartDate = first,
                Evidence = Evidence.From(ModelParameters.Default),
            };
        }
    }

    private static UploadResult ImportOne(AthleteStore store, Core.Training.Athlete athlete, ActivityInput input, string name)
    {
        var file = ActivityImporter.Prepare(input with { Name = name }, new HashSet<string>(), athlete, Analysis.ThresholdHistory.From(store.LoadThresholds()));
        return ActivityImporter.Store(store, file) switch
        {
            StoreResult.Imported => new UploadResult(name, "imported", null),
            StoreResult.Duplicate => new UploadResult(name, "duplicate", null),
            _ when file.Problem is not null => new UploadResult(name, "rejected", file.Problem),
            _ => new UploadResult(name, "not an activity", null),
        };
    }
}
