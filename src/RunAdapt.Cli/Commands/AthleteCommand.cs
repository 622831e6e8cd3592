using System.CommandLine;
using System.Globalization;
using RunAdapt.Analysis;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt athlete [--db FILE] [settings]</c>: shows or sets the stored athlete profile and the dated thresholds
/// (heart rates, threshold pace) that zones and loads use; after a change every stored activity is analysed again.
/// </summary>
internal static class AthleteCommand
{
    public static Command Create()
    {
        var db = StoreOption.Create();
        var sex = new Option<Sex?>("--sex") { Description = "male or female." };
        var age = new Option<double?>("--age") { Description = "Age, in years." };
        var mass = new Option<double?>("--mass") { Description = "Body mass, in kg." };
        var height = new Option<double?>("--height") { Description = "Height, in cm." };
        var status = new Option<TrainingStatus?>("--status") { Description = "Running background: untrained, recreational, trained or elite." };
        var lifting = new Option<TrainingStatus?>("--lifting") { Description = "Lifting background: untrained, recreational, trained or elite." };
        var footStrike = new Option<FootStrike?>("--foot-strike") { Description = "Habitual foot strike (used where no foot pod measured it): rearfoot, midfoot or forefoot." };
        var vo2max = new Option<double?>("--vo2max") { Description = "Measured VO2max, in ml/kg/min." };
        var bodyFat = new Option<double?>("--body-fat") { Description = "Body fat, in percent." };
        var hrMax = new Option<double?>("--hr-max") { Description = "Maximal heart rate, in bpm (with --from: from that day on)." };
        var hrRest = new Option<double?>("--hr-rest") { Description = "Resting heart rate, in bpm (with --from: from that day on)." };
        var pace = new Option<string?>("--threshold-pace") { Description = "Threshold pace (about one-hour race pace), M:SS per km or mile as the profile's units (or say it: 7:40/mi, 4:45/km), from --from on (or for the whole history)." };
        var units = new Option<string?>("--units") { Description = "Show distances and paces in km or mi (miles) everywhere: terminal, report and dashboard." };
        var from = new Option<string?>("--from") { Description = "The day (YYYY-MM-DD) the given heart rates and threshold pace take effect; earlier days keep the earlier values." };
        var command = new Command("athlete", "Show or set the athlete profile and the dated thresholds (heart rates, threshold pace) behind zones and loads. After a change, every stored activity is analysed again.")
        {
            db, sex, age, mass, height, status, lifting, footStrike, vo2max, bodyFat, hrMax, hrRest, pace, from, units,
        };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOption.Open(parse.GetValue(db));
            var output = parse.InvocationConfiguration.Output;
            var athlete = store.LoadAthlete();
            var day = parse.GetValue(from) is { } text ? ParseDay(text) : (DateOnly?)null;
            var unit = parse.GetValue(units) is { } u ? DistanceUnits.Parse(u) ?? throw new UsageException($"--units must be km or mi, not '{u}'") : athlete.Units;
            var speed = parse.GetValue(pace) is { } p ? ParsePace(p, unit) : (double?)null;
            var updated = athlete with
            {
                Units = unit,
                Sex = parse.GetValue(sex) ?? athlete.Sex,
                AgeYears = InRange(parse.GetValue(age), 5, 100, "--age") ?? athlete.AgeYears,
                MassKilograms = InRange(parse.GetValue(mass), 25, 250, "--mass") ?? athlete.MassKilograms,
                HeightCentimetres = InRange(parse.GetValue(height), 100, 240, "--height") ?? athlete.HeightCentimetres,
                TrainingStatus = parse.GetValue(status) ?? athlete.TrainingStatus,
                LiftingStatus = parse.GetValue(lifting) ?? athlete.LiftingStatus,
                FootStrike = parse.GetValue(footStrike) ?? athlete.FootStrike,
                Vo2MaxMillilitresPerKilogramPerMinute = InRange(parse.GetValue(vo2max), 15, 95, "--vo2max") ?? athlete.Vo2MaxMillilitresPerKilogramPerMinute,
                BodyFatPercent = InRange(parse.GetValue(bodyFat), 2, 60, "--body-fat") ?? athlete.BodyFatPercent,
                HeartRateMaxBeatsPerMinute = day is null ? InRange(parse.GetValue(hrMax), 120, 230, "--hr-max") ?? athlete.HeartRateMaxBeatsPerMinute : athlete.HeartRateMaxBeatsPerMinute,
                HeartRateRestBeatsPerMinute = day is null ? InRange(parse.GetValue(hrRest), 25, 110, "--hr-rest") ?? athlete.HeartRateRestBeatsPerMinute : athlete.HeartRateRestBeatsPerMinute,
            };
            var changed = updated != athlete;
            if (changed)
            {
                store.SaveAthlete(updated);
            }

            if (day is not null || speed is not null)
            {
                // A dated entry: what is not given is carried over from the entry in force that day, else the profile.
                var effective = day ?? DateOnly.MinValue;
                var before = ThresholdHistory.From(store.LoadThresholds())?.On(effective) ?? Thresholds.FromAthlete(updated, effective);
                var entry = new Thresholds(
                    effective,
                    InRange(parse.GetValue(hrRest), 25, 110, "--hr-rest") ?? before.HeartRateRestBeatsPerMinute,
                    InRange(parse.GetValue(hrMax), 120, 230, "--hr-max") ?? before.HeartRateMaxBeatsPerMinute,
                    speed ?? before.ThresholdSpeedMetresPerSecond);
                if (entry.HeartRateMaxBeatsPerMinute <= entry.HeartRateRestBeatsPerMinute)
                {
                    throw new InputException($"--hr-max ({entry.HeartRateMaxBeatsPerMinute:0}) must be above the resting heart rate ({entry.HeartRateRestBeatsPerMinute:0})");
                }

                store.SaveThresholds(entry);
                changed = true;
            }

            if (changed)
            {
                output.WriteLine($"saved; analysed {store.Reanalyse()} stored activities again with it");
            }

            Show(OutcomeView.Console(output), store.LoadAthlete(), store.LoadThresholds());
            return CliApp.Success;
        });
        return command;
    }

    private static void Show(IAnsiConsole console, Athlete a, IReadOnlyList<Thresholds> thresholds)
    {
        static string N(double? v, string unit) => v is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + unit : "–";
        var profile = new Table().Title("Athlete").AddColumns("", "").HideHeaders();
        profile.AddRow("sex", a.Sex.ToString().ToLowerInvariant()).AddRow("age", N(a.AgeYears, " y")).AddRow("mass", N(a.MassKilograms, " kg"))
            .AddRow("height", N(a.HeightCentimetres, " cm")).AddRow("running background", a.TrainingStatus.ToString().ToLowerInvariant())
            .AddRow("lifting background", a.LiftingStatus.ToString().ToLowerInvariant()).AddRow("habitual foot strike", a.FootStrike.ToString().ToLowerInvariant())
            .AddRow("VO2max", N(a.Vo2MaxMillilitresPerKilogramPerMinute, " ml/kg/min")).AddRow("body fat", N(a.BodyFatPercent, " %"))
            .AddRow("heart rate max / rest", $"{N(a.HeartRateMaxBeatsPerMinute, "")} / {N(a.HeartRateRestBeatsPerMinute, "")} bpm");
        console.Write(profile);
        profile.AddRow("units", a.Units == DistanceUnit.Miles ? "miles" : "kilometres");
        var table = new Table().Title("Thresholds (zones and loads)").AddColumns("from", "HR rest", "HR max", $"threshold pace {a.Units.PerUnit()}");
        if (thresholds.Count == 0)
        {
            var t = Thresholds.FromAthlete(a, DateOnly.MinValue);
            table.AddRow("always (from the profile)", N(t.HeartRateRestBeatsPerMinute, ""), N(t.HeartRateMaxBeatsPerMinute, ""), DistanceUnits.Pace(t.ThresholdSpeedMetresPerSecond, a.Units));
        }

        foreach (var t in thresholds)
        {
            table.AddRow(t.EffectiveFrom == DateOnly.MinValue ? "the beginning" : t.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                N(t.HeartRateRestBeatsPerMinute, ""), N(t.HeartRateMaxBeatsPerMinute, ""), DistanceUnits.Pace(t.ThresholdSpeedMetresPerSecond, a.Units));
        }

        console.Write(table);
    }


    /// <summary>The same plausible ranges as the scenario file's athlete keys.</summary>
    private static double? InRange(double? value, double low, double high, string option) =>
        value is { } v && !(v >= low && v <= high) ? throw new UsageException($"{option} must be between {low} and {high}, not {v}") : value;

    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new UsageException($"--from must be a date as YYYY-MM-DD, not '{text}'");

    private static double ParsePace(string text, DistanceUnit unit) =>
        DistanceUnits.SpeedFromPace(text, unit) ?? throw new UsageException($"--threshold-pace must be M:SS per {(unit == DistanceUnit.Miles ? "mile" : "km")} (e.g. {(unit == DistanceUnit.Miles ? "7:15" : "4:30")}, or 7:15/mi, 4:30/km), not '{text}'");
}
