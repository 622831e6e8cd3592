using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using ScottPlot;

namespace RunAdapt.Reports;

/// <summary>One chart, drawn both as PNG and as SVG.</summary>
/// <param name="Name">A file-name-safe identifier, e.g. <c>muscle-size</c>.</param>
/// <param name="Title">The chart's heading.</param>
/// <param name="Caption">One sentence saying what the chart shows (and what it cannot).</param>
/// <param name="Png">The chart as PNG bytes.</param>
/// <param name="Svg">The chart as SVG markup.</param>
public sealed record ChartImage(string Name, string Title, string Caption, byte[] Png, string Svg);

/// <summary>The report's charts, drawn from an outcome's weekly series with ScottPlot.</summary>
public static class Charts
{
    /// <summary>Width of every chart, in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of every chart, in pixels.</summary>
    public const int Height = 420;

    private static readonly Dictionary<string, Color> MuscleColours = new(StringComparer.Ordinal)
    {
        ["glutes"] = Color.FromHex("#7b3294"),
        ["quadriceps"] = Color.FromHex("#d6604d"),
        ["hamstrings"] = Color.FromHex("#1b7837"),
        ["calves"] = Color.FromHex("#2166ac"),
    };

    /// <summary>Every chart the input supports, in report order.</summary>
    /// <param name="input">The outcome and what is known about it.</param>
    public static IReadOnlyList<ChartImage> All(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = input.Outcome;
        var charts = new List<ChartImage> { MuscleSize(outcome) };
        charts.AddRange(MuscleNames.Sorted(outcome.Final.Muscles.Keys).Select(m => FibreTypes(outcome, m)));
        charts.Add(Vo2Max(outcome));
        charts.Add(BodyMass(outcome));
        charts.Add(BoneDensity(outcome));
        charts.Add(LoadAndRisk(outcome));
        if (input.TrainingLoad.Count > 1)
        {
            charts.Add(FitnessFatigue(input.TrainingLoad));
        }

        if (input.Sessions.Count > 0)
        {
            charts.Add(WeeklyVolume(input.Sessions, input.StartDate ?? input.Sessions.Min(s => s.Date), outcome.Series.Count));
        }

        return charts;
    }

    /// <summary>Size change of each muscle group, week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    public static ChartImage MuscleSize(SimulationOutcome outcome)
    {
        var plot = NewPlot("Change in muscle size", "Week", "Size change since the start (%)");
        var weeks = Weeks(outcome);
        foreach (var muscle in MuscleNames.Sorted(outcome.Final.Muscles.Keys))
        {
            var line = plot.Add.ScatterLine(weeks, Series(outcome, s => s.Muscles.TryGetValue(muscle, out var m) ? m.SizeChangePercent : double.NaN));
            line.LegendText = MuscleNames.Display(muscle);
            line.LineWidth = 2.5f;
            line.Color = MuscleColours.GetValueOrDefault(muscle, Colors.Gray);
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.ShowLegend(Edge.Right);
        return Draw(plot, "muscle-size", "Change in muscle size", "Whole-muscle size (volume) of each group relative to the first day, at the end of each week.");
    }

    /// <summary>The fibre-type make-up of one muscle group as stacked areas (type I, IIa, IIx), week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="muscle">The muscle key, e.g. <c>quadriceps</c>.</param>
    public static ChartImage FibreTypes(SimulationOutcome outcome, string muscle)
    {
        var title = $"Fibre types: {MuscleNames.Display(muscle).ToLowerInvariant()}";
        var plot = NewPlot(title, "Week", "Share of fibres (%)");
        var weeks = Weeks(outcome);
        var type1 = Series(outcome, s => s.Muscles.TryGetValue(muscle, out var m) ? m.Type1Percent : double.NaN);
        var type2a = Series(outcome, s => s.Muscles.TryGetValue(muscle, out var m) ? m.Type2APercent : double.NaN);
        var type2x = Series(outcome, s => s.Muscles.TryGetValue(muscle, out var m) ? m.Type2XPercent : double.NaN);
        var zero = new double[weeks.Length];
        var top1 = type1;
        var top2 = top1.Zip(type2a, (a, b) => a + b).ToArray();
        var top3 = top2.Zip(type2x, (a, b) => a + b).ToArray();
        foreach (var (low, high, label, hex) in (ReadOnlySpan<(double[], double[], string, string)>)
                 [(zero, top1, "Type I (slow)", "#4393c3"), (top1, top2, "Type IIa (fast, fatigue-resistant)", "#f4a582"), (top2, top3, "Type IIx (fast, fatigable)", "#b2182b")])
        {
            var fill = plot.Add.FillY(weeks, high, low);
            fill.FillColor = Color.FromHex(hex).WithAlpha(0.85);
            fill.LineColor = Color.FromHex(hex);
            fill.LegendText = label;
        }

        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        return Draw(plot, $"fibre-types-{muscle}", title, $"Shares of type I, IIa and IIx fibres in the {muscle}, stacked to 100 %.");
    }

    /// <summary>VO2max, week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    public static ChartImage Vo2Max(SimulationOutcome outcome)
    {
        var plot = NewPlot("Aerobic fitness (VO2max)", "Week", "VO2max (ml/kg/min)");
        var line = plot.Add.ScatterLine(Weeks(outcome), Series(outcome, s => s.Vo2MaxMillilitresPerKilogramPerMinute));
        line.Color = Color.FromHex("#b2182b");
        line.LineWidth = 2.5f;
        return Draw(plot, "vo2max", "Aerobic fitness (VO2max)", "Maximal oxygen uptake per kilogram of body mass.");
    }

    /// <summary>Body mass and fat mass, week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    public static ChartImage BodyMass(SimulationOutcome outcome)
    {
        var plot = NewPlot("Body and fat mass", "Week", "Mass (kg)");
        var weeks = Weeks(outcome);
        var body = plot.Add.ScatterLine(weeks, Series(outcome, s => s.BodyMassKilograms));
        body.LegendText = "Body mass";
        body.Color = Color.FromHex("#3e4c59");
        body.LineWidth = 2.5f;
        var lean = plot.Add.ScatterLine(weeks, Series(outcome, s => s.BodyMassKilograms - s.FatMassKilograms));
        lean.LegendText = "Fat-free mass";
        lean.Color = Color.FromHex("#1b7837");
        lean.LineWidth = 2f;
        var fat = plot.Add.ScatterLine(weeks, Series(outcome, s => s.FatMassKilograms));
        fat.LegendText = "Fat mass";
        fat.Color = Color.FromHex("#e08214");
        fat.LineWidth = 2f;
        plot.ShowLegend(Alignment.MiddleRight);
        return Draw(plot, "body-mass", "Body and fat mass", "Body mass, fat mass and the fat-free rest (muscle, bone, organs, water).");
    }

    /// <summary>Bone mineral density change at the loaded sites, week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    public static ChartImage BoneDensity(SimulationOutcome outcome)
    {
        var plot = NewPlot("Bone density", "Week", "Change since the start (%)");
        var line = plot.Add.ScatterLine(Weeks(outcome), Series(outcome, s => s.BoneDensityChangePercent));
        line.Color = Color.FromHex("#5e4fa2");
        line.LineWidth = 2.5f;
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        return Draw(plot, "bone-density", "Bone density", "Bone mineral density at the loaded sites (hip), relative to the start.");
    }

    /// <summary>Joint load index and injury risk, week by week.</summary>
    /// <param name="outcome">The outcome.</param>
    public static ChartImage LoadAndRisk(SimulationOutcome outcome)
    {
        var plot = NewPlot("Joint load and injury risk", "Week", "Relative to habitual / baseline (1 = usual)");
        var weeks = Weeks(outcome);
        var joint = plot.Add.ScatterLine(weeks, Series(outcome, s => s.JointLoadIndex));
        joint.LegendText = "Knee joint load index";
        joint.Color = Color.FromHex("#2166ac");
        joint.LineWidth = 2.5f;
        var risk = plot.Add.ScatterLine(weeks, Series(outcome, s => s.InjuryRisk));
        risk.LegendText = "Injury risk (× baseline)";
        risk.Color = Color.FromHex("#b2182b");
        risk.LineWidth = 2.5f;
        plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        plot.ShowLegend(Edge.Bottom);
        return Draw(plot, "load-risk", "Joint load and injury risk",
            "Knee load relative to what the joint is used to, and the injury-risk multiplier from load spikes.");
    }

    /// <summary>Fitness (CTL), fatigue (ATL) and form (TSB) day by day, from the sessions' training loads.</summary>
    /// <param name="days">The series (dated: the time axis shows the dates, as runners read this chart).</param>
    public static ChartImage FitnessFatigue(IReadOnlyList<LoadPoint> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var plot = NewPlot("Fitness, fatigue and form", "Date", "Training load (TRIMP per day)");
        // ISO days: "04/01/2025" reads as April in one country and January in another.
        if (plot.Axes.DateTimeTicksBottom().TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic dates)
        {
            dates.LabelFormatter = day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        // The dated axis replaces the bottom one, and its label with it.
        plot.XLabel("Date", 14);
        double[] weeks = [.. days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate())];
        foreach (var (values, label, colour) in new[]
        {
            (days.Select(d => d.Fitness).ToArray(), "Fitness (CTL, 42 d)", "#2166ac"),
            (days.Select(d => d.Fatigue).ToArray(), "Fatigue (ATL, 7 d)", "#b2182b"),
            (days.Select(d => d.Form).ToArray(), "Form (TSB)", "#1b7837"),
        })
        {
            var line = plot.Add.ScatterLine(weeks, values);
            line.LegendText = label;
            line.Color = Color.FromHex(colour);
            line.LineWidth = 2f;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.ShowLegend(Edge.Bottom);
        return Draw(plot, "fitness-fatigue", "Fitness, fatigue and form",
            "Banister's model on each session's training load (TRIMP from heart rate, else pace): fitness builds over weeks, fatigue over days; form is fitness minus fatigue going into the day.");
    }

    /// <summary>Weekly training volume by session type (stacked bars, minutes).</summary>
    /// <param name="sessions">The sessions.</param>
    /// <param name="start">The first day of week 1.</param>
    /// <param name="weekCount">How many weeks to show (sessions after them are left out).</param>
    public static ChartImage WeeklyVolume(IReadOnlyList<TrainingSession> sessions, DateOnly start, int weekCount)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var plot = NewPlot("Weekly training volume", "Week", "Minutes");
        var kinds = Enum.GetValues<SessionKind>();
        var minutes = new double[Math.Max(weekCount, 1), kinds.Length];
        foreach (var session in sessions)
        {
            var week = (session.Date.DayNumber - start.DayNumber) / 7;
            if (week >= 0 && week < minutes.GetLength(0))
            {
                minutes[week, (int)SessionKinds.Classify(session)] += SessionKinds.Minutes(session);
            }
        }

        var bars = new List<Bar>();
        for (var week = 0; week < minutes.GetLength(0); week++)
        {
            var bottom = 0.0;
            foreach (var kind in kinds)
            {
                var value = minutes[week, (int)kind];
                if (value > 0)
                {
                    bars.Add(new Bar { Position = week + 1, ValueBase = bottom, Value = bottom + value, FillColor = Color.FromHex(SessionKinds.Colour(kind)), LineWidth = 0, Size = 0.8 });
                    bottom += value;
                }
            }
        }

        plot.Add.Bars(bars);
        foreach (var kind in kinds.Where(k => Enumerable.Range(0, minutes.GetLength(0)).Any(w => minutes[w, (int)k] > 0)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = SessionKinds.Display(kind), FillColor = Color.FromHex(SessionKinds.Colour(kind)) });
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        return Draw(plot, "weekly-volume", "Weekly training volume", "Minutes of training per week, by the kind of session.");
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Grid.MajorLineColor = Color.FromHex("#e4e7eb");
        plot.Legend.FontSize = 12;

        // Fewer week ticks than the default: a year of weekly labels otherwise runs together.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.35, MinimumTickSpacing = 1 };
        return plot;
    }

    private static ChartImage Draw(Plot plot, string name, string title, string caption) =>
        new(name, title, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));

    private static double[] Weeks(SimulationOutcome outcome) =>
        [0, .. outcome.Series.Select((s, i) => (double)(s.Week ?? (i + 1)))];

    private static double[] Series(SimulationOutcome outcome, Func<BodySnapshot, double> value) =>
        [value(outcome.Start), .. outcome.Series.Select(value)];
}
