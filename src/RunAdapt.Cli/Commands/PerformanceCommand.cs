using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RunAdapt.Core.Model;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt performance TESTS.csv [--db FILE] [--json]</c>: fits the Banister fitness–fatigue model to the athlete's
/// own performance tests — how much training helps, how long fatigue lasts, when a hard day pays off.
/// </summary>
internal static class PerformanceCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("TESTS.csv")
        {
            Description = "Performance tests, comma-separated with a header: 'date,performance' (the loads come from the imported history), or a whole daily series 'day,load,performance' / 'date,load,performance' with the performance left empty on days without a test. Higher is better (watts, speed, a score); a time trial may be given as 'distance_km' (or 'distance_m') and 'time' (M:SS or H:MM:SS) instead, and its speed is the performance.",
        };
        var db = StoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the fit as one JSON document." };
        var command = new Command("performance", "Fit the Banister fitness–fatigue model to your performance tests and training loads: the gains and time constants, how well they fit, and how many days after a hard day it pays off.")
        {
            file, db, json,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new InputException($"{path}: no such file");
            }

            var table = TestTable.Read(path.ToString(), File.ReadAllLines(path.FullName));
            var series = table.HasLoads ? table.Series() : FromHistory(table, parse.GetValue(db), path.ToString());
            BanisterFit fit;
            try
            {
                fit = BanisterFit.Fit(series.Loads, series.Tests);
            }
            catch (ArgumentException e)
            {
                throw new InputException($"{path}: {e.Message.Split(" (Parameter")[0]}", e);
            }

            var predicted = fit.Model.Predict(series.Loads);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(Json(fit, series, predicted));
            }
            else
            {
                Write(output, fit, series, predicted, table.HasLoads ? "the file's loads" : "the imported history's daily TRIMP");
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>Loads from the store, one per day from the first session (or test) to the last test (or session).</summary>
    private static DailySeries FromHistory(TestTable table, string? db, string file)
    {
        if (table.Rows.Any(r => r.Date is null))
        {
            throw new InputException($"{file}: without a 'load' column every row needs a 'date' (YYYY-MM-DD), so the loads can come from the imported history");
        }

        using var store = StoreOption.Open(db);
        var loads = HistoryView.Loads(store.ListActivities(), store.LoggedSessions(), store.LoadAthlete(), Analysis.ThresholdHistory.From(store.LoadThresholds())).ToList();
        if (loads.Count == 0)
        {
            throw new InputException($"{db ?? Storage.AthleteStore.DefaultPath}: no sessions imported yet, so there are no loads to fit the tests to (run 'runadapt import PATH' first, or give a 'load' column)");
        }

        var dates = table.Rows.Select(r => r.Date!.Value).Concat(loads.Select(l => l.Date)).ToList();
        var (first, last) = (dates.Min(), dates.Max());
        var daily = new double[last.DayNumber - first.DayNumber + 1];
        foreach (var (date, load) in loads)
        {
            daily[date.DayNumber - first.DayNumber] += load;
        }

        var tests = table.Rows.Where(r => r.Performance is not null).Select(r => new PerformanceTest(r.Date!.Value.DayNumber - first.DayNumber, r.Performance!.Value)).ToList();
        return new DailySeries(daily, tests, first) { TrialMetres = table.TrialMetres };
    }

    private static void Write(TextWriter output, BanisterFit fit, DailySeries series, double[] predicted, string loads)
    {
        var console = OutcomeView.Console(output);
        var m = fit.Model;
        console.MarkupLine(Markup.Escape(I($"Banister fitness–fatigue model fitted to {fit.Observations} tests over {series.Loads.Count} days of {loads}.")));
        var parameters = new Table().Title("Fitted parameters").AddColumns("parameter", "value", "what it means");
        parameters.AddRow("p0", series.TrialMetres.Count > 0 ? I($"{m.BasePerformance:0.000} m/s = {Pace(m.BasePerformance)} /km") : I($"{m.BasePerformance:0.0}"), "performance with no training effect");
        parameters.AddRow("k1", I($"{m.FitnessGain:0.000}"), "performance gained per unit of fitness (per load unit)");
        parameters.AddRow("k2", I($"{m.FatigueGain:0.000}"), "performance lost per unit of fatigue (per load unit)");
        parameters.AddRow("τ1", I($"{m.FitnessDays:0.0} d"), "how long fitness lasts (time constant)");
        parameters.AddRow("τ2", I($"{m.FatigueDays:0.0} d"), "how long fatigue lasts (time constant)");
        console.Write(parameters);
        console.MarkupLine(Markup.Escape(I($"Fit: R² {fit.RSquared:0.000}, RMSE {fit.RootMeanSquareError:0.00}, SSE {fit.SumOfSquaredErrors:0.00} ({fit.Observations} tests, 5 parameters).")));
        if (m.DaysUntilPositiveEffect is { } positive && m.DaysToPeakEffect is { } peak)
        {
            console.MarkupLine(Markup.Escape(I($"A day's training lowers performance for the first {positive:0} days and helps most {peak:0} days later: before a race, hard sessions count most {positive:0}–{peak:0} days out, and those in the last {positive:0} days still cost more than they give.")));
        }

        if (Bounds(m) is { } bound)
        {
            console.MarkupLine(Markup.Escape(bound));
        }

        if (fit.Observations < 2 * 5)
        {
            console.MarkupLine(Markup.Escape("With fewer than 10 tests for 5 parameters the gains and time constants trade against each other; read the timing of the effect more than the single values."));
        }

        if (series.TrialMetres.Count > 0)
        {
            // Time trials: their times and paces, as a runner reads them (the fit itself is on their speeds).
            var trials = new Table().Title("Time trials").AddColumns("day", "distance", "time", "model", "difference", "pace /km", "model pace /km");
            foreach (var (t, metres) in series.Tests.Zip(series.TrialMetres))
            {
                var (observed, model) = (metres / t.Performance, metres / predicted[t.Day]);
                trials.AddRow(series.Label(t.Day), I($"{metres / 1000:0.###} km"), Core.Durations.Clock(observed), Core.Durations.Clock(model),
                    Core.Durations.SignedClock(observed - model), Pace(t.Performance), Pace(predicted[t.Day]));
            }

            console.Write(trials);
            console.MarkupLine(Markup.Escape($"Model pace on the last day ({series.Label(series.Loads.Count - 1)}): {Pace(predicted[^1])} /km."));
            return;
        }

        var digits = series.Tests.Max(t => Math.Abs(t.Performance)) < 50 ? "0.000" : "0.0";
        string F(double v, bool signed = false) => (signed && v > 0 ? "+" : "") + v.ToString(digits, CultureInfo.InvariantCulture);
        var tests = new Table().Title("Tests").AddColumns("day", "observed", "model", "difference");
        foreach (var t in series.Tests)
        {
            tests.AddRow(series.Label(t.Day), F(t.Performance), F(predicted[t.Day]), F(t.Performance - predicted[t.Day], signed: true));
        }

        console.Write(tests);
        console.MarkupLine(Markup.Escape($"Model performance on the last day ({series.Label(series.Loads.Count - 1)}): {F(predicted[^1])}."));
    }

    /// <summary>A pace per kilometre from a speed in m/s.</summary>
    private static string Pace(double metresPerSecond) => metresPerSecond > 0 ? Core.Durations.Clock(1000 / metresPerSecond) : "–";

    /// <summary>
    /// Which fitted time constant sits on a bound of the fit's plausible range (parameters.yaml: fitness lasts at most
    /// <c>banister.max_time_constant_days</c> and at least <c>banister.min_time_constant_ratio</c> times as long as
    /// fatigue), or <c>null</c>: a constant on a bound was not pinned by the tests, only kept plausible.
    /// </summary>
    private static string? Bounds(Banister m)
    {
        var (longest, ratio) = (ModelParameters.Default.Get("banister.max_time_constant_days"), ModelParameters.Default.Get("banister.min_time_constant_ratio"));
        var parts = new List<string>();
        if (m.FitnessDays >= longest - 0.5)
        {
            parts.Add(I($"τ1 is at the longest plausible fitness time constant ({longest:0} d)"));
        }

        if (m.FitnessDays / m.FatigueDays <= ratio + 0.01)
        {
            parts.Add(I($"τ1/τ2 is at the smallest plausible ratio ({ratio:0.0}: fitness outlasts fatigue)"));
        }

        return parts.Count == 0 ? null : $"{string.Join("; ", parts)}: the tests do not pin it down, the range does (parameters.yaml, banister.*).";
    }

    private static string Json(BanisterFit fit, DailySeries series, double[] predicted)
    {
        var m = fit.Model;
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["p0"] = m.BasePerformance,
            ["k1"] = m.FitnessGain,
            ["k2"] = m.FatigueGain,
            ["tau1_days"] = m.FitnessDays,
            ["tau2_days"] = m.FatigueDays,
            ["tests"] = fit.Observations,
            ["days"] = series.Loads.Count,
            ["sse"] = fit.SumOfSquaredErrors,
            ["rmse"] = fit.RootMeanSquareError,
            ["r_squared"] = fit.RSquared,
            ["days_until_positive_effect"] = m.DaysUntilPositiveEffect,
            ["days_to_peak_effect"] = m.DaysToPeakEffect,
            ["fitted"] = series.Tests.Select((t, i) => Fitted(series, t, i, predicted[t.Day])).ToList(),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>One test against the model; a time trial also with its distance and both times in seconds.</summary>
    private static Dictionary<string, object> Fitted(DailySeries series, PerformanceTest test, int index, double model)
    {
        var fitted = new Dictionary<string, object> { ["day"] = series.Label(test.Day), ["observed"] = test.Performance, ["model"] = model };
        if (series.TrialMetres.Count > 0)
        {
            var metres = series.TrialMetres[index];
            (fitted["distance_m"], fitted["time_s"], fitted["model_time_s"]) = (metres, metres / test.Performance, metres / model);
        }

        return fitted;
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One load per consecutive day, the tests on their days, and the first day's date when the file gave dates.</summary>
    private sealed record DailySeries(IReadOnlyList<double> Loads, IReadOnlyList<PerformanceTest> Tests, DateOnly? FirstDate, int FirstDay = 0)
    {
        /// <summary>Each test's distance when the tests are time trials (their performance is then a speed, m/s); empty otherwise.</summary>
        public IReadOnlyList<double> TrialMetres { get; init; } = [];

        public string Label(int index) => FirstDate is { } d ? d.AddDays(index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : (FirstDay + index).ToString(CultureInfo.InvariantCulture);
    }

    private sealed record TestRow(int? Day, DateOnly? Date, double? Load, double? Performance, double? TrialMetres);

    /// <summary>The tests file: a header naming the columns, then one row per day or per test.</summary>
    private sealed record TestTable(IReadOnlyList<TestRow> Rows, bool HasLoads)
    {
        /// <summary>Each test's distance when the tests are time trials, in the order of the tests; empty otherwise.</summary>
        public IReadOnlyList<double> TrialMetres => Rows.Any(r => r.TrialMetres is not null) ? [.. Rows.Where(r => r.Performance is not null).Select(r => r.TrialMetres!.Value)] : [];

        public static TestTable Read(string file, string[] lines)
        {
            var header = lines.Select((l, i) => (Text: l.Trim(), Line: i + 1)).FirstOrDefault(l => l.Text.Length > 0);
            if (header.Text is null)
            {
                throw new InputException($"{file}: empty (expected a header such as 'date,performance')");
            }

            var names = header.Text.Split(',').Select(n => n.Trim().ToLowerInvariant()).ToArray();
            int Column(string name) => Array.IndexOf(names, name);
            var (day, date, load, performance) = (Column("day"), Column("date"), Column("load"), Column("performance"));
            // A time trial may be given as its distance and time instead: the performance is then its speed.
            var (time, kilometres, metres) = (Column("time"), Column("distance_km"), Column("distance_m"));
            var timed = performance < 0 && time >= 0 && (kilometres >= 0 || metres >= 0);
            if ((performance < 0 && !timed) || (day < 0 && date < 0))
            {
                throw new InputException($"{file}:{header.Line}: the header needs 'performance' (or 'time' with 'distance_km' or 'distance_m') and 'date' or 'day' (and 'load' for a whole daily series), not '{header.Text}'");
            }

            var rows = new List<TestRow>();
            foreach (var (text, number) in lines.Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item2 > header.Line && l.Item1.Length > 0))
            {
                var cells = text.Split(',');
                string Cell(int i) => i >= 0 && i < cells.Length ? cells[i].Trim() : "";
                double? Number(int i, string what)
                {
                    var cell = Cell(i);
                    return cell.Length == 0 ? null
                        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                        : throw new InputException($"{file}:{number}: {what} '{cell}' is not a number");
                }

                int? dayValue = day < 0 ? null : int.TryParse(Cell(day), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 100_000 ? d
                    : throw new InputException($"{file}:{number}: day '{Cell(day)}' is not a whole number of days");
                DateOnly? dateValue = date < 0 ? null : DateOnly.TryParseExact(Cell(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? dt
                    : throw new InputException($"{file}:{number}: date '{Cell(date)}' is not a date (YYYY-MM-DD)");
                var loadValue = Number(load, "load");
                if (loadValue < 0)
                {
                    throw new InputException($"{file}:{number}: load {loadValue} is negative");
                }

                var trial = timed ? Trial(number) : null;
                rows.Add(new TestRow(dayValue, dateValue, loadValue, trial?.Speed ?? (timed ? null : Number(performance, "performance")), trial?.Metres));
                (double Speed, double Metres)? Trial(int line)
                {
                    if (Cell(time).Length == 0)
                    {
                        return null;
                    }

                    var seconds = Core.Durations.Seconds(Cell(time)) ?? throw new InputException($"{file}:{line}: time '{Cell(time)}' is not M:SS or H:MM:SS");
                    var distance = kilometres >= 0 ? Number(kilometres, "distance_km") * 1000 : Number(metres, "distance_m");
                    return distance is > 0 and var d && seconds > 0 ? (d / seconds, d)
                        : throw new InputException($"{file}:{line}: a time trial needs a positive distance and time");
                }
            }

            if (rows.Count == 0)
            {
                throw new InputException($"{file}: no rows under the header");
            }

            return new TestTable(rows, load >= 0);
        }

        /// <summary>The file's own daily series; days it skips carry no load.</summary>
        public DailySeries Series()
        {
            var index = Rows.Select(r => r.Date is { } d ? d.DayNumber : r.Day!.Value).ToList();
            var first = index.Min();
            var daily = new double[index.Max() - first + 1];
            var tests = new List<PerformanceTest>();
            for (var i = 0; i < Rows.Count; i++)
            {
                daily[index[i] - first] += Rows[i].Load ?? 0;
                if (Rows[i].Performance is { } p)
                {
                    tests.Add(new PerformanceTest(index[i] - first, p));
                }
            }

            return (Rows[0].Date is not null ? new DailySeries(daily, tests, DateOnly.FromDayNumber(first)) : new DailySeries(daily, tests, null, first)) with { TrialMetres = TrialMetres };
        }
    }
}
