using System.Security.Cryptography;
using System.Text;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Cluster;
using RunAdapt.Core.Training;
using RunAdapt.Storage;

namespace RunAdapt.Silo;

/// <summary>
/// The load run's athletes: each a year of real runs (the running activities of real files, decoded and analysed once,
/// then re-dated onto the athlete's training days), stored straight into the store as an import stores them.
/// </summary>
internal static class SyntheticAthletes
{
    // Runs a week by athlete: a spread from three to five, as a club's runners would.
    private static readonly DayOfWeek[][] Weeks =
    [
        [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Sunday],
        [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday],
        [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday],
    ];

    /// <summary>Stores the store's first <paramref name="count"/> athletes (adding athletes as needed, skipping those with activities already); returns how many athletes and runs were stored.</summary>
    public static (int Athletes, int Runs) Store(StoreAthleteData data, IReadOnlyList<string> folders, int count, int weeks, CancellationToken cancellation)
    {
        var runs = RealRuns(folders);
        if (runs.Count == 0)
        {
            throw new InvalidOperationException($"no running activity in {string.Join(", ", folders)}");
        }

        var ids = data.EnsureAthletes(count);
        var stored = 0;
        var athletes = 0;
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        Parallel.ForEach(ids, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = 2 }, id =>
        {
            using var store = data.Open(id);
            if (store.ListActivities().Count > 0)
            {
                return;
            }

            var random = new Random((int)id);
            store.SaveAthlete(new Athlete
            {
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female, AgeYears = 20 + random.Next(40), MassKilograms = 50 + random.Next(40),
                TrainingStatus = TrainingStatus.Recreational,
            });
            var days = Weeks[(int)(id % Weeks.Length)];
            var n = 0;
            for (var date = end.AddDays(-7 * weeks); date <= end; date = date.AddDays(1))
            {
                if (!days.Contains(date.DayOfWeek))
                {
                    continue;
                }

                var (activity, analysis) = runs[random.Next(runs.Count)];
                var shift = date.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromHours(7))) - activity.Samples[0].TimestampUtc;
                var moved = activity with { StartTimeUtc = activity.StartTimeUtc + shift, Samples = [.. activity.Samples.Select(s => s with { TimestampUtc = s.TimestampUtc + shift })] };
                var name = $"athlete-{id}-{date:yyyy-MM-dd}.fit";
                var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
                store.Save(name, sha, [new PreparedActivity(moved, analysis with { Session = analysis.Session with { Date = date } })]);
                n++;
            }

            Interlocked.Add(ref stored, n);
            Interlocked.Increment(ref athletes);
        });
        return (athletes, stored);
    }

    /// <summary>Every running activity with an analysis in the folders' activity files, decoded and analysed once.</summary>
    private static List<(Activity Activity, AnalysedSession Analysis)> RealRuns(IReadOnlyList<string> folders)
    {
        var athlete = new Athlete();
        var runs = new List<(Activity, AnalysedSession)>();
        foreach (var input in folders.SelectMany(ActivitySource.Enumerate))
        {
            try
            {
                foreach (var activity in ActivityFormats.Decode(input.Read(), input.Name).Where(a => a.Sport == Sport.Running && a.Samples.Count > 60))
                {
                    if (SessionBuilder.TryAnalyse(activity, athlete, null, 0) is ({ } analysed, null))
                    {
                        runs.Add((activity, analysed));
                    }
                }
            }
            catch (ActivityFormatException)
            {
                // The folders hold broken files on purpose (decoder tests); they are no runs.
            }
        }

        return runs;
    }
}
