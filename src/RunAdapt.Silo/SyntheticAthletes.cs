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
        var ids = data.EnsureAthletes(count);
        var stored = 0;
        var athletes = 0;
        Parallel.ForEach(ids, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = 2 }, id =>
        {
            using var store = data.Open(id);
            if (store.ListActivities().Count > 0)
            {
                return;
            }

            var (profile, year) = Year(id, runs, weeks);
            store.SaveAthlete(profile);
            foreach (var run in year)
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.Name)));
                store.Save(run.Name, sha, [new PreparedActivity(run.Activity, run.Analysis with { Session = run.Analysis.Session with { Date = run.Date } })]);
            }

            Interlocked.Add(ref stored, year.Count);
            Interlocked.Increment(ref athletes);
        });
        return (athletes, stored);
    }

    /// <summary>
    /// One synthetic athlete (by its number): a profile, and a year of real runs re-dated onto its training days up to
    /// yesterday; the same athlete every time for the same number and runs.
    /// </summary>
    public static (Athlete Profile, List<(string Name, Activity Activity, AnalysedSession Analysis, DateOnly Date)> Runs) Year(
        long id, IReadOnlyList<(Activity Activity, AnalysedSession Analysis)> runs, int weeks)
    {
        var random = new Random((int)id);
        var profile = new Athlete
        {
            Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female, AgeYears = 20 + random.Next(40), MassKilograms = 50 + random.Next(40),
            TrainingStatus = TrainingStatus.Recreational,
        };
        var days = Weeks[(int)(id % Weeks.Length)];
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var year = new List<(string, Activity, AnalysedSession, DateOnly)>();
        for (var date = end.AddDays(-7 * weeks); date <= end; date = date.AddDays(1))
        {
            if (!days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var (activity, analysis) = runs[random.Next(runs.Count)];
            var shift = date.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromHours(7))) - activity.Samples[0].TimestampUtc;
            var moved = activity with { StartTimeUtc = activity.StartTimeUtc + shift, Samples = [.. activity.Samples.Select(s => s with { TimestampUtc = s.TimestampUtc + shift })] };
            year.Add(($"athlete-{id}-{date:yyyy-MM-dd}.fit", moved, analysis, date));
        }

        return (profile, year);
    }

    /// <summary>Every running activity with an analysis in the folders' activity files, decoded and analysed once.</summary>
    /// <exception cref="InvalidOperationException">The folders hold no run.</exception>
    public static List<(Activity Activity, AnalysedSession Analysis)> RealRuns(IReadOnlyList<string> folders)
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

        return runs.Count > 0 ? runs : throw new InvalidOperationException($"no running activity in {string.Join(", ", folders)}");
    }
}
