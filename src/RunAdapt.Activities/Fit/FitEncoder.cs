using System.Buffers.Binary;
using System.Text;

namespace RunAdapt.Activities.Fit;

/// <summary>
/// Writes an <see cref="Activity"/> as a FIT activity file (protocol 2.0, little endian): <c>file_id</c>, the developer
/// field description of a foot-strike channel when the samples carry one, one <c>record</c> per sample, the laps, and
/// one <c>session</c>. Field numbers, base types, scales and offsets come from the same generated profile the decoder
/// uses, so what it writes decodes back to the same values within the profile's resolution.
/// </summary>
/// <remarks>
/// For building test files and synthetic exports (a decade of daily runs moved in time), and for handing RunAdapt's
/// cleaned activities to other FIT tools. It writes what <see cref="Activity"/> holds, no more.
/// </remarks>
public static class FitEncoder
{
    /// <summary>The developer field name the foot-strike channel is written under (RunScribe's metric, read back by the decoder).</summary>
    public const string FootStrikeFieldName = "FootstrikeType";

    private const uint FitEpochOffsetSeconds = 631065600; // 1989-12-31T00:00:00Z in Unix seconds
    private const byte DeveloperDataFlag = 0x20, DefinitionFlag = 0x40;
    private const int ActivityFileType = 4, DevelopmentManufacturer = 255;

    /// <summary>Encodes the activity; samples without a time-ordered timestamp are written as they come.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The bytes of a complete FIT file, header and file CRC included.</returns>
    public static byte[] Encode(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = new Writer();
        var start = activity.StartTimeUtc ?? (activity.Samples.Count > 0 ? activity.Samples[0].TimestampUtc : DateTime.UnixEpoch.AddSeconds(FitEpochOffsetSeconds));

        var fileId = Message.Define(body, 0, 0, ["type", "manufacturer", "timeCreated"]);
        fileId.Write(body, [ActivityFileType, DevelopmentManufacturer, FitSeconds(start)]);

        var footStrike = activity.Samples.Any(s => s.FootStrikeScore is not null);
        if (footStrike)
        {
            Message.Define(body, 1, 207, ["developerDataIndex"]).Write(body, [0]);
            var description = Message.Define(body, 2, 206, ["developerDataIndex", "fieldDefinitionNumber", "fitBaseTypeId"],
                strings: [("fieldName", FootStrikeFieldName), ("units", "")]);
            description.Write(body, [0, 0, FitBaseType.Float32]);
        }

        // One record definition with every channel any sample carries; a sample without a channel writes its invalid value.
        var channels = RecordChannels.Where(c => activity.Samples.Any(s => c.Value(s) is not null)).ToArray();
        var record = Message.Define(body, 3, 20, ["timestamp", .. channels.Select(c => c.Field)], developerFloat: footStrike);
        var values = new double?[channels.Length + 1];
        foreach (var s in activity.Samples)
        {
            values[0] = FitSeconds(s.TimestampUtc);
            for (var i = 0; i < channels.Length; i++)
            {
                values[i + 1] = channels[i].Value(s) * channels[i].ToProfileUnits;
            }

            record.Write(body, values, footStrike ? s.FootStrikeScore : null);
        }

        var lap = Message.Define(body, 4, 19, ["timestamp", "startTime", "totalElapsedTime", "totalTimerTime", "totalDistance", "totalAscent", "totalDescent", "avgHeartRate", "maxHeartRate", "intensity", "wktStepIndex", "sport"]);
        var session = Message.Define(body, 5, 18, ["timestamp", "startTime", "totalElapsedTime", "totalTimerTime", "totalDistance", "totalAscent", "totalDescent", "avgHeartRate", "maxHeartRate", "sport", "workoutRpe"]);
        var sessions = activity.Summaries.Where(s => s.Kind == SummaryKind.Session).ToList();
        foreach (var l in activity.Summaries.Where(s => s.Kind == SummaryKind.Lap))
        {
            lap.Write(body, [.. Totals(l), l.Intensity is { } i ? (int)i : null, l.WorkoutStepIndex, l.Sport is { } lapSport ? SportValue(lapSport) : null]);
        }

        if (sessions.Count == 0 && activity.Samples.Count > 0)
        {
            // Every activity file has a session; make one from the samples when the activity had none.
            var last = activity.Samples[^1];
            var seconds = (last.TimestampUtc - activity.Samples[0].TimestampUtc).TotalSeconds;
            sessions.Add(new ActivitySummary
            {
                Kind = SummaryKind.Session, StartTimeUtc = activity.Samples[0].TimestampUtc, TimestampUtc = last.TimestampUtc,
                TotalElapsedSeconds = seconds, TotalTimerSeconds = seconds, TotalDistanceMetres = activity.Samples.Max(x => x.DistanceMetres),
            });
        }

        foreach (var s in sessions)
        {
            // Garmin writes the 1–10 rating times ten.
            session.Write(body, [.. Totals(s), SportValue(s.Sport ?? activity.Sport), activity.PerceivedExertion * 10]);
        }

        return Frame(body.ToArray());
    }

    private static double?[] Totals(ActivitySummary s) =>
    [
        s.TimestampUtc is { } end ? FitSeconds(end) : null, s.StartTimeUtc is { } begin ? FitSeconds(begin) : null,
        s.TotalElapsedSeconds, s.TotalTimerSeconds, s.TotalDistanceMetres, s.TotalAscentMetres, s.TotalDescentMetres,
        s.AverageHeartRateBeatsPerMinute, s.MaxHeartRateBeatsPerMinute,
    ];

    /// <summary>The record channels: profile field, the sample's value, and the factor from RunAdapt's SI units to the profile's.</summary>
    private static readonly (string Field, Func<ActivitySample, double?> Value, double ToProfileUnits)[] RecordChannels =
    [
        ("positionLat", s => s.LatitudeDegrees, 2147483648.0 / 180.0),
        ("positionLong", s => s.LongitudeDegrees, 2147483648.0 / 180.0),
        ("distance", s => s.DistanceMetres, 1),
        ("enhancedSpeed", s => s.SpeedMetresPerSecond, 1),
        ("enhancedAltitude", s => s.AltitudeMetres, 1),
        ("heartRate", s => s.HeartRateBeatsPerMinute, 1),
        ("cadence", s => s.CadencePerMinute, 1),
        ("power", s => s.PowerWatts, 1),
        ("temperature", s => s.TemperatureCelsius, 1),
        ("stanceTime", s => s.GroundContactTimeSeconds, 1000),
        ("verticalOscillation", s => s.VerticalOscillationMetres, 1000),
        ("stepLength", s => s.StepLengthMetres, 1000),
    ];

    private static double FitSeconds(DateTime utc) => Math.Floor((utc - DateTime.UnixEpoch).TotalSeconds) - FitEpochOffsetSeconds;

    private static double SportValue(Sport sport) => sport switch
    {
        Sport.Running => 1,
        Sport.Cycling => 2,
        Sport.Swimming => 5,
        Sport.Walking => 11,
        Sport.Strength => 10,
        _ => 0,
    };

    /// <summary>Prefixes the 14-byte header (with its CRC) and appends the file CRC.</summary>
    private static byte[] Frame(byte[] body)
    {
        var file = new byte[14 + body.Length + 2];
        file[0] = 14;
        file[1] = 0x20; // protocol 2.0: developer fields
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)body.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        body.CopyTo(file, 14);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(14 + body.Length), FitCrc.Compute(file.AsSpan(0, 14 + body.Length)));
        return file;
    }

    private sealed class Writer
    {
        private byte[] _buffer = new byte[1 << 16];

        public int Length { get; private set; }

        public Span<byte> Take(int count)
        {
            if (Length + count > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
            }

            var span = _buffer.AsSpan(Length, count);
            Length += count;
            return span;
        }

        public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();
    }

    /// <summary>A defined local message: its fields' profile (base type, scale, offset) and fixed strings.</summary>
    private sealed class Message
    {
        private readonly int _local;
        private readonly FitFieldProfile[] _fields;
        private readonly byte[][] _strings;
        private readonly bool _developerFloat;

        private Message(int local, FitFieldProfile[] fields, byte[][] strings, bool developerFloat)
        {
            _local = local;
            _fields = fields;
            _strings = strings;
            _developerFloat = developerFloat;
        }

        public static Message Define(Writer w, int local, int global, string[] names, (string Name, string Value)[]? strings = null, bool developerFloat = false)
        {
            var profile = FitProfile.Message(global)!;
            var fields = names.Select(n => profile.Field(profile.FieldNumber(n))!).ToArray();
            var texts = (strings ?? []).Select(s => (Field: profile.Field(profile.FieldNumber(s.Name))!, Bytes: Encoding.UTF8.GetBytes(s.Value + "\0"))).ToArray();
            var head = w.Take(6 + (3 * (fields.Length + texts.Length)) + (developerFloat ? 4 : 0));
            head[0] = (byte)(DefinitionFlag | (developerFloat ? DeveloperDataFlag : 0) | local);
            head[1] = 0; // reserved
            head[2] = 0; // little endian
            BinaryPrimitives.WriteUInt16LittleEndian(head[3..], (ushort)global);
            head[5] = (byte)(fields.Length + texts.Length);
            var p = 6;
            foreach (var f in fields)
            {
                (head[p], head[p + 1], head[p + 2]) = ((byte)f.Number, (byte)FitBaseType.Size(f.BaseType), f.BaseType);
                p += 3;
            }

            foreach (var (f, bytes) in texts)
            {
                (head[p], head[p + 1], head[p + 2]) = ((byte)f.Number, (byte)bytes.Length, FitBaseType.String);
                p += 3;
            }

            if (developerFloat)
            {
                // One developer field: number 0 of developer data index 0, a float32.
                (head[p], head[p + 1], head[p + 2], head[p + 3]) = (1, 0, 4, 0);
            }

            return new Message(local, fields, [.. texts.Select(t => t.Bytes)], developerFloat);
        }

        public void Write(Writer w, ReadOnlySpan<double?> values, double? developerValue = null)
        {
            var size = 1 + _fields.Sum(f => FitBaseType.Size(f.BaseType)) + _strings.Sum(s => s.Length) + (_developerFloat ? 4 : 0);
            var data = w.Take(size);
            data[0] = (byte)_local;
            var p = 1;
            for (var i = 0; i < _fields.Length; i++)
            {
                var f = _fields[i];
                p += WriteValue(data[p..], f.BaseType, values[i] is { } v && double.IsFinite(v) ? Math.Round((v + f.Offset) * f.Scale) : null);
            }

            foreach (var s in _strings)
            {
                s.CopyTo(data[p..]);
                p += s.Length;
            }

            if (_developerFloat)
            {
                BinaryPrimitives.WriteSingleLittleEndian(data[p..], developerValue is { } d ? (float)d : BitConverter.UInt32BitsToSingle(0xFFFFFFFF));
            }
        }

        /// <summary>Writes one raw value clamped into the type's valid range, or the type's invalid value for <c>null</c>.</summary>
        private static int WriteValue(Span<byte> to, byte baseType, double? raw)
        {
            switch (baseType)
            {
                case FitBaseType.Enum or FitBaseType.UInt8:
                    to[0] = raw is { } u8 ? (byte)Math.Clamp(u8, 0, 0xFE) : (byte)0xFF;
                    return 1;
                case FitBaseType.SInt8:
                    to[0] = raw is { } s8 ? (byte)(sbyte)Math.Clamp(s8, -128, 126) : (byte)0x7F;
                    return 1;
                case FitBaseType.UInt16:
                    BinaryPrimitives.WriteUInt16LittleEndian(to, raw is { } u16 ? (ushort)Math.Clamp(u16, 0, 0xFFFE) : (ushort)0xFFFF);
                    return 2;
                case FitBaseType.SInt32:
                    BinaryPrimitives.WriteInt32LittleEndian(to, raw is { } s32 ? (int)Math.Clamp(s32, int.MinValue, int.MaxValue - 1) : int.MaxValue);
                    return 4;
                case FitBaseType.UInt32:
                    BinaryPrimitives.WriteUInt32LittleEndian(to, raw is { } u32 ? (uint)Math.Clamp(u32, 0, 0xFFFFFFFE) : 0xFFFFFFFF);
                    return 4;
                default:
                    throw new NotSupportedException($"FIT base type 0x{baseType:x2} is not written by the encoder");
            }
        }
    }
}
