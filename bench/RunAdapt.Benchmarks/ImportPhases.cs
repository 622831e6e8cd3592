using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;
using RunAdapt.Storage;

namespace RunAdapt.Benchmarks;

/// <summary>Where an import's time goes: each phase timed alone, one thread, over the same files.</summary>
public static class ImportPhases
{
    /// <summary>Times read, hash, decode, analyse and store over the first <paramref name="count"/> files of an export and prints ms per file.</summary>
    /// <param name="directory">The export.</param>
    /// <param name="count">How many files.</param>
    public static void Run(string directory, int count)
    {
        var paths = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).ToList();
        var clock = Stopwatch.StartNew();
        var bytes = paths.Select(File.ReadAllBytes).ToList();
        var read = clock.Elapsed;
        clock.Restart();
        var hashes = bytes.Select(b => Convert.ToHexStringLower(SHA256.HashData(b))).ToList();
        var hash = clock.Elapsed;
        clock.Restart();
        var activities = bytes.Select((b, i) => ActivityFormats.Decode(b, paths[i])).ToList();
        var decode = clock.Elapsed;
        clock.Restart();
        var athlete = new Athlete();
        var analysed = activities.Select(list => list.Select(a => (a, SessionBuilder.Analyse(a, athlete))).ToList()).ToList();
        var analyse = clock.Elapsed;
        var db = Path.Combine(Path.GetTempPath(), $"runadapt-phases-{Guid.NewGuid():N}.db");
        using (var store = AthleteStore.Open(db))
        {
            clock.Restart();
            for (var i = 0; i < paths.Count; i++)
            {
                store.Save(paths[i], hashes[i], [.. analysed[i].Select(x => new PreparedActivity(x.a, x.Item2))]);
            }
        }

        var save = clock.Elapsed;
        foreach (var (name, time) in new[] { ("read", read), ("hash", hash), ("decode", decode), ("analyse", analyse), ("store", save) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {time.TotalMilliseconds / paths.Count,8:0.00} ms/file"));
        }

        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(db) + "*"))
        {
            File.Delete(file);
        }
    }
}
