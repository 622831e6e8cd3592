namespace RunAdapt.Activities.Fit;

/// <summary>Collects the messages of a FIT stream into <see cref="Activity"/> objects, one per chained file.</summary>
internal sealed class FitActivityBuilder
{
    private const double SemicirclesToDegrees = 180.0 / 2147483648.0;

    /// <summary>The index bits of the profile's <c>message_index</c> type (the top bits are flags).</summary>
    private const int MessageIndexMask = 0x0FFF;
    private static readonly Fields F = new();
    private readonly List<FileParts> _files = [];

    public void Add(FitMessage message)
    {
        while (_files.Count <= message.FileIndex)
        {
            _files.Add(new FileParts());
        }

        var file = _files[message.FileIndex];
        switch (message.GlobalNumber)
        {
            case 20:
                AddRecord(file, message);
                break;
            case 19 or 18:
                file.Summaries.Add(Summary(message));
                if (message.GlobalNumber == 18 && Value(message.Get(F.SessionRpe)) is { } rpe && rpe > 0)
                {
                    // Garmin writes the 1–10 rating times ten (70 = 7); a plain 1–10 value is taken as it is.
                    file.PerceivedExertion ??= Math.Min(10, rpe > 10 ? rpe / 10 : rpe);
                }

                break;
            case 0:
                var manufacturer = message.Get(F.Manufacturer);
                file.Device ??= double.IsNaN(manufacturer) ? null :
                    FitProfile.ManufacturerName((int)manufacturer) is { } name && !double.IsNaN(message.Get(F.Product)) ? $"{name} {message.Get(F.Product)}" : FitProfile.ManufacturerName((int)manufacturer);
                var created = message.Get(F.TimeCreated);
                file.Created ??= FitReader.ToDateTime(created);
                break;
            case 12:
                file.Sport ??= ToSport(message.Get(F.SportSport));
                break;
            case 27:
                // Workout steps name the intensity of the laps recorded while following them (lap.wkt_step_index).
                var index = message.Get(F.StepMessageIndex);
                if (!double.IsNaN(index) && ToIntensity(message.Get(F.StepIntensity)) is { } intensity)
                {
                    file.StepIntensities[(int)index & MessageIndexMask] = intensity;
                }

                break;
        }
    }

    public IReadOnlyList<Activity> Build(IReadOnlyList<InvalidActivityFileException> problems)
    {
        var activities = new List<Activity>();
        foreach (var file in _files)
        {
            if (file.Samples.Count == 0 && file.Summaries.Count == 0)
            {
                continue;
            }

            var sport = file.Sport ?? file.Summaries.FirstOrDefault(s => s.Kind == SummaryKind.Session)?.Sport ?? Activities.Sport.Other;
            activities.Add(new Activity
            {
                SourceFormat = "fit",
                Sport = sport,
                Device = file.Device,
                StartTimeUtc = file.Samples.Count > 0 ? file.Samples[0].TimestampUtc : file.Summaries[0].StartTimeUtc ?? file.Created,
                Samples = file.Samples,
                PerceivedExertion = file.PerceivedExertion,
                Summaries = file.StepIntensities.Count == 0 ? file.Summaries
                    : [.. file.Summaries.Select(s => s.Intensity is null && s.WorkoutStepIndex is { } step && file.StepIntensities.TryGetValue(step, out var i) ? s with { Intensity = i } : s)],
                Problems = problems,
            });
        }

        return activities;
    }

    private static void AddRecord(FileParts file, FitMessage m)
    {
        if (FitReader.ToDateTime(m.Get(F.Timestamp)) is not { } timestamp)
        {
            return;
        }

        var sample = new ActivitySample(
            timestamp,
            LatitudeDegrees: Value(m.Get(F.Lat)) * SemicirclesToDegrees,
            LongitudeDegrees: Value(m.Get(F.Lon)) * SemicirclesToDegrees,
            DistanceMetres: Value(m.Get(F.Distance)),
            SpeedMetresPerSecond: Value(m.Get(F.EnhancedSpeed)) ?? Value(m.Get(F.Speed)),
            AltitudeMetres: Value(m.Get(F.EnhancedAltitude)) ?? Value(m.Get(F.Altitude)),
            HeartRateBeatsPerMinute: Value(m.Get(F.HeartRate)),
            CadencePerMinute: Value(m.Get(F.Cadence)),
            PowerWatts: Value(m.Get(F.Power)),
            TemperatureCelsius: Value(m.Get(F.Temperature)),
            GroundContactTimeSeconds: Value(m.Get(F.StanceTime)) / 1000,
            VerticalOscillationMetres: Value(m.Get(F.VerticalOscillation)) / 1000,
            StepLengthMetres: Value(m.Get(F.StepLength)) / 1000,
            FootStrikeScore: FootStrike(m));
        // A record with nothing but its time carries nothing, and a 1-byte compressed-timestamp header makes one:
        // kept, an 8 MB file of them would become gigabytes of samples.
        if (sample with { TimestampUtc = default } != new ActivitySample(default))
        {
            file.Samples.Add(sample);
        }
    }

    /// <summary>A foot pod's foot-strike developer field (RunScribe's <c>FootstrikeType</c>, or one per foot averaged), if the record has one.</summary>
    private static double? FootStrike(FitMessage m)
    {
        double sum = 0;
        var count = 0;
        foreach (ref readonly var f in m.Fields)
        {
            if (f.IsDeveloperField && double.IsFinite(f.Value) && f.Name is { } name && IsFootStrikeName(name))
            {
                sum += f.Value;
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }

    /// <summary>Names like <c>FootstrikeType</c>, <c>footstrike_type_left</c>, <c>Foot Strike</c>: letters only, case ignored.</summary>
    private static bool IsFootStrikeName(string name)
    {
        Span<char> letters = stackalloc char[Math.Min(name.Length, 64)];
        var n = 0;
        foreach (var c in name.AsSpan(0, letters.Length))
        {
            if (char.IsAsciiLetter(c))
            {
                letters[n++] = char.ToLowerInvariant(c);
            }
        }

        return letters[..n].StartsWith("footstrike") && !letters[..n].Contains("angle", StringComparison.Ordinal);
    }

    private static ActivitySummary Summary(FitMessage m)
    {
        var lap = m.GlobalNumber == 19;
        var f = lap ? F.Lap : F.Session;
        var start = m.Get(f.StartTime);
        var end = m.Get(F.Timestamp);
        return new ActivitySummary
        {
            Kind = lap ? SummaryKind.Lap : SummaryKind.Session,
            StartTimeUtc = FitReader.ToDateTime(start),
            TimestampUtc = FitReader.ToDateTime(end),
            Sport = double.IsNaN(m.Get(f.Sport)) ? null : ToSport(m.Get(f.Sport)),
            SportName = double.IsNaN(m.Get(f.Sport)) ? null : FitProfile.SportName((int)m.Get(f.Sport)),
            TotalElapsedSeconds = Value(m.Get(f.TotalElapsedTime)),
            TotalTimerSeconds = Value(m.Get(f.TotalTimerTime)),
            TotalDistanceMetres = Value(m.Get(f.TotalDistance)),
            TotalAscentMetres = Value(m.Get(f.TotalAscent)),
            TotalDescentMetres = Value(m.Get(f.TotalDescent)),
            AverageHeartRateBeatsPerMinute = Value(m.Get(f.AvgHeartRate)),
            MaxHeartRateBeatsPerMinute = Value(m.Get(f.MaxHeartRate)),
            Intensity = lap ? ToIntensity(m.Get(F.LapIntensity)) : null,
            WorkoutStepIndex = lap && Value(m.Get(F.LapWorkoutStep)) is { } step ? (int)step & MessageIndexMask : null,
        };
    }

    /// <summary>The profile's <c>intensity</c> type: 0 active, 1 rest, 2 warmup, 3 cooldown, 4 recovery, 5 interval, 6 other.</summary>
    private static LapIntensity? ToIntensity(double value) => double.IsNaN(value) ? null : (int)value switch
    {
        0 => LapIntensity.Active,
        1 => LapIntensity.Rest,
        2 => LapIntensity.Warmup,
        3 => LapIntensity.Cooldown,
        4 => LapIntensity.Recovery,
        5 => LapIntensity.Interval,
        _ => LapIntensity.Other,
    };

    private static double? Value(double v) => double.IsNaN(v) ? null : v;

    private static Sport ToSport(double value) => FitProfile.SportName(double.IsNaN(value) ? -1 : (int)value) switch
    {
        "running" => Activities.Sport.Running,
        "cycling" => Activities.Sport.Cycling,
        "swimming" => Activities.Sport.Swimming,
        "walking" or "hiking" => Activities.Sport.Walking,
        "training" => Activities.Sport.Strength,
        _ => Activities.Sport.Other,
    };

    private sealed class FileParts
    {
        public List<ActivitySample> Samples { get; } = [];

        public List<ActivitySummary> Summaries { get; } = [];

        public string? Device { get; set; }

        public DateTime? Created { get; set; }

        public Sport? Sport { get; set; }

        public Dictionary<int, LapIntensity> StepIntensities { get; } = [];

        public double? PerceivedExertion { get; set; }
    }

    /// <summary>Field numbers looked up once by their profile names, so the mapping reads as names.</summary>
    private sealed class Fields
    {
        public Fields()
        {
            var record = FitProfile.Message(20)!;
            var fileId = FitProfile.Message(0)!;
            Timestamp = record.FieldNumber("timestamp");
            Lat = record.FieldNumber("positionLat");
            Lon = record.FieldNumber("positionLong");
            Distance = record.FieldNumber("distance");
            Speed = record.FieldNumber("speed");
            EnhancedSpeed = record.FieldNumber("enhancedSpeed");
            Altitude = record.FieldNumber("altitude");
            EnhancedAltitude = record.FieldNumber("enhancedAltitude");
            HeartRate = record.FieldNumber("heartRate");
            Cadence = record.FieldNumber("cadence");
            Power = record.FieldNumber("power");
            Temperature = record.FieldNumber("temperature");
            StanceTime = record.FieldNumber("stanceTime");
            VerticalOscillation = record.FieldNumber("verticalOscillation");
            StepLength = record.FieldNumber("stepLength");
            Manufacturer = fileId.FieldNumber("manufacturer");
            Product = fileId.FieldNumber("product");
            TimeCreated = fileId.FieldNumber("timeCreated");
            SportSport = FitProfile.Message(12)!.FieldNumber("sport");
            Lap = new SummaryFields(FitProfile.Message(19)!);
            LapIntensity = FitProfile.Message(19)!.FieldNumber("intensity");
            LapWorkoutStep = FitProfile.Message(19)!.FieldNumber("wktStepIndex");
            StepMessageIndex = FitProfile.Message(27)!.FieldNumber("messageIndex");
            StepIntensity = FitProfile.Message(27)!.FieldNumber("intensity");
            SessionRpe = FitProfile.Message(18)!.FieldNumber("workoutRpe");
            Session = new SummaryFields(FitProfile.Message(18)!);
        }

        public int Timestamp { get; }
        public int Lat { get; }
        public int Lon { get; }
        public int Distance { get; }
        public int Speed { get; }
        public int EnhancedSpeed { get; }
        public int Altitude { get; }
        public int EnhancedAltitude { get; }
        public int HeartRate { get; }
        public int Cadence { get; }
        public int Power { get; }
        public int Temperature { get; }
        public int StanceTime { get; }
        public int VerticalOscillation { get; }
        public int StepLength { get; }
        public int Manufacturer { get; }
        public int Product { get; }
        public int TimeCreated { get; }
        public int SportSport { get; }
        public SummaryFields Lap { get; }
        public int LapIntensity { get; }
        public int LapWorkoutStep { get; }
        public int StepMessageIndex { get; }
        public int StepIntensity { get; }
        public int SessionRpe { get; }
        public SummaryFields Session { get; }
    }

    private sealed class SummaryFields(FitMessageProfile p)
    {
        public int StartTime { get; } = p.FieldNumber("startTime");
        public int Sport { get; } = p.FieldNumber("sport");
        public int TotalElapsedTime { get; } = p.FieldNumber("totalElapsedTime");
        public int TotalTimerTime { get; } = p.FieldNumber("totalTimerTime");
        public int TotalDistance { get; } = p.FieldNumber("totalDistance");
        public int TotalAscent { get; } = p.FieldNumber("totalAscent");
        public int TotalDescent { get; } = p.FieldNumber("totalDescent");
        public int AvgHeartRate { get; } = p.FieldNumber("avgHeartRate");
        public int MaxHeartRate { get; } = p.FieldNumber("maxHeartRate");
    }
}
