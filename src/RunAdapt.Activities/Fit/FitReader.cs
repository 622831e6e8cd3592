using System.Buffers.Binary;
using System.Text;

namespace RunAdapt.Activities.Fit;

/// <summary>
/// Walks the bytes of a FIT stream (possibly several chained files) and reports each data message, decoded and
/// scaled against the profile, to a handler. Holds only definitions and accumulators: memory does not grow with
/// the input.
/// </summary>
internal sealed class FitReader
{
    private const uint FitEpochOffsetSeconds = 631065600; // 1989-12-31T00:00:00Z in Unix seconds
    private const int TimestampField = 253;
    private const int FieldDescriptionMessage = 206;
    private static readonly FitFieldLabel TimestampLabel = new("timestamp", "s");

    private readonly string _fileName;
    private readonly FitDecoderOptions _options;
    private readonly Action<FitMessage> _handler;
    private readonly FitMessage _message = new();
    private readonly LocalDefinition?[] _definitions = new LocalDefinition?[16];
    private readonly Dictionary<(int Message, int Field), (double Accumulated, double Last)> _accumulators = [];
    private readonly Dictionary<(int DeveloperIndex, int Field), DeveloperField> _developerFields = [];
    private readonly List<InvalidActivityFileException> _problems = [];
    private readonly ulong[] _elements = new ulong[256];
    private uint _lastTimestamp;
    private int _fileIndex;
    private long _messages;

    public FitReader(string fileName, FitDecoderOptions options, Action<FitMessage> handler)
    {
        _fileName = fileName;
        _options = options;
        _handler = handler;
    }

    /// <summary>
    /// Converts FIT seconds to a UTC <see cref="DateTime"/>; <c>null</c> for a value no FIT date_time (uint32 seconds)
    /// can hold — a damaged file may put anything in a timestamp field.
    /// </summary>
    public static DateTime? ToDateTime(double fitSeconds) =>
        double.IsFinite(fitSeconds) && fitSeconds >= 0 && fitSeconds <= uint.MaxValue
            ? DateTime.UnixEpoch.AddSeconds(fitSeconds + FitEpochOffsetSeconds)
            : null;

    public FitDecodeResult Read(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return Stop(0, "the file is empty");
        }

        var pos = 0;
        while (pos < data.Length)
        {
            if (_fileIndex > 0 && data[pos..].IndexOfAnyExcept((byte)0) < 0)
            {
                break; // zero padding after the last chained file
            }

            if (!TryReadFile(data, ref pos))
            {
                return new FitDecodeResult(_fileIndex, _messages, _problems, Stopped: true);
            }
        }

        return new FitDecodeResult(_fileIndex, _messages, _problems, Stopped: false);
    }

    private FitDecodeResult Stop(long offset, string message)
    {
        _problems.Add(new InvalidActivityFileException(_fileName, offset, message));
        return new FitDecodeResult(_fileIndex, _messages, _problems, Stopped: true);
    }

    private bool Fail(long offset, string message)
    {
        _problems.Add(new InvalidActivityFileException(_fileName, offset, message));
        return false;
    }

    private void Problem(long offset, string message)
    {
        var problem = new InvalidActivityFileException(_fileName, offset, message);
        if (_options.CrcHandling == FitCrcHandling.Throw)
        {
            throw problem;
        }

        _problems.Add(problem);
    }

    private bool TryReadFile(ReadOnlySpan<byte> data, ref int pos)
    {
        var start = pos;
        var remaining = data.Length - start;
        var headerSize = data[start];
        if (remaining < 12)
        {
            return Fail(start, $"truncated FIT header: {remaining} bytes where at least 12 are needed");
        }

        if (headerSize < 12 || !data.Slice(start + 8, 4).SequenceEqual(".FIT"u8))
        {
            return Fail(start, start == 0 ? "not a FIT file (no '.FIT' signature in the header)" : "bytes after the end of the FIT data are not another FIT file");
        }

        if (headerSize > remaining)
        {
            return Fail(start, $"truncated FIT header: declares {headerSize} bytes, {remaining} present");
        }

        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(start + 4, 4));
        if (headerSize >= 14 && _options.CrcHandling != FitCrcHandling.Ignore)
        {
            var headerCrc = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(start + 12, 2));
            if (headerCrc != 0 && headerCrc != FitCrc.Compute(data.Slice(start, 12)))
            {
                Problem(start + 12, "header CRC does not match");
            }
        }

        var dataStart = start + headerSize;
        long declaredEnd = (long)dataStart + dataSize;
        var truncated = declaredEnd + 2 > data.Length;
        var dataEnd = truncated ? data.Length : (int)declaredEnd;
        if (!truncated && _options.CrcHandling != FitCrcHandling.Ignore)
        {
            var fileCrc = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(dataEnd, 2));
            if (fileCrc != FitCrc.Compute(data[start..dataEnd]))
            {
                Problem(dataEnd, "file CRC does not match: the data may be corrupt");
            }
        }

        Array.Clear(_definitions);
        _accumulators.Clear();
        _developerFields.Clear();
        _lastTimestamp = 0;
        var ok = ReadRecords(data, dataStart, dataEnd);
        _fileIndex++;
        if (!ok)
        {
            return false;
        }

        if (truncated)
        {
            return Fail(dataEnd, $"the file is truncated: the header declares {dataSize} data bytes plus a 2-byte CRC, but only {data.Length - dataStart} bytes follow it");
        }

        pos = dataEnd + 2;
        return true;
    }

    private bool ReadRecords(ReadOnlySpan<byte> data, int pos, int end)
    {
        while (pos < end)
        {
            var recordStart = pos;
            var header = data[pos++];
            if ((header & 0x80) != 0)
            {
                var local = (header >> 5) & 0x3;
                var offset = (uint)(header & 0x1F);
                _lastTimestamp += (offset - _lastTimestamp) & 0x1F;
                if (!ReadData(data, ref pos, end, local, recordStart, compressedTimestamp: true))
                {
                    return false;
                }
            }
            else if ((header & 0x40) != 0)
            {
                if (!ReadDefinition(data, ref pos, end, header & 0xF, (header & 0x20) != 0, recordStart))
                {
                    return false;
                }
            }
            else if (!ReadData(data, ref pos, end, header & 0xF, recordStart, compressedTimestamp: false))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadDefinition(ReadOnlySpan<byte> data, ref int pos, int end, int local, bool developer, int recordStart)
    {
        if (end - pos < 5)
        {
            return Fail(recordStart, "truncated definition message");
        }

        var bigEndian = data[pos + 1] switch
        {
            0 => false,
            1 => true,
            _ => (bool?)null,
        };
        if (bigEndian is null)
        {
            return Fail(pos + 1, $"definition message has an invalid architecture byte {data[pos + 1]}");
        }

        var global = bigEndian.Value ? BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 2, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(pos + 2, 2));
        var count = data[pos + 4];
        pos += 5;
        if (end - pos < count * 3)
        {
            return Fail(recordStart, "truncated definition message");
        }

        var fields = new FieldDefinition[count];
        var size = 0;
        for (var i = 0; i < count; i++, pos += 3)
        {
            fields[i] = new FieldDefinition(data[pos], data[pos + 1], FitBaseType.Normalise(data[pos + 2]));
            size += data[pos + 1];
        }

        var devFields = Array.Empty<DeveloperFieldDefinition>();
        if (developer)
        {
            if (end - pos < 1)
            {
                return Fail(recordStart, "truncated definition message");
            }

            var devCount = data[pos++];
            if (end - pos < devCount * 3)
            {
                return Fail(recordStart, "truncated definition message");
            }

            devFields = new DeveloperFieldDefinition[devCount];
            for (var i = 0; i < devCount; i++, pos += 3)
            {
                devFields[i] = new DeveloperFieldDefinition(data[pos], data[pos + 1], data[pos + 2]);
                size += data[pos + 1];
            }
        }

        var profile = FitProfile.Message(global);
        var fieldProfiles = new FitFieldProfile?[fields.Length];
        var expanding = new List<(int Field, int Offset)>();
        var accumulates = false;
        var fieldOffset = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            fieldProfiles[i] = profile?.Field(fields[i].Number);
            if (fieldProfiles[i] is { Components.Length: > 0 })
            {
                expanding.Add((i, fieldOffset));
            }

            fieldOffset += fields[i].Size;
            accumulates |= fieldProfiles[i] is { Accumulated: true };
        }

        // The field plan is worked out once per definition, not once per message.
        _definitions[local] = new LocalDefinition(global, bigEndian.Value, fields, devFields, size, profile, fieldProfiles, [.. expanding], accumulates);
        return true;
    }

    private bool ReadData(ReadOnlySpan<byte> data, ref int pos, int end, int local, int recordStart, bool compressedTimestamp)
    {
        var definition = _definitions[local];
        if (definition is null)
        {
            return Fail(recordStart, $"data message for local message type {local}, which has no definition");
        }

        if (end - pos < definition.Size)
        {
            return Fail(recordStart, $"truncated data message: {definition.Size} bytes declared, {end - pos} left");
        }

        var profile = definition.Profile;
        _message.Reset(definition.Global, profile?.Name, recordStart, _fileIndex);
        var expandFrom = -1;
        for (var i = 0; i < definition.Fields.Length; i++)
        {
            var field = definition.Fields[i];
            var bytes = data.Slice(pos, field.Size);
            pos += field.Size;
            if (field.Number == TimestampField && field.Size == 4 && !compressedTimestamp)
            {
                var raw = definition.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                if (raw != uint.MaxValue)
                {
                    _lastTimestamp = raw;
                }
            }

            var fieldProfile = definition.FieldProfiles[i];
            bool added;
            if (field.Size == FitBaseType.Size(field.BaseType) && field.BaseType != FitBaseType.String)
            {
                // The common case, one number: read, scale, add — without the general path's checks.
                var value = FitBaseType.Read(bytes, field.BaseType, definition.BigEndian);
                added = !double.IsNaN(value);
                if (added)
                {
                    _message.AddScalar(field.Number, fieldProfile?.Label, fieldProfile is null ? value : (value / fieldProfile.Scale) - fieldProfile.Offset, -1);
                }
            }
            else
            {
                added = AddField(bytes, field.BaseType, definition.BigEndian, field.Number, fieldProfile, -1, null);
            }

            if (added && fieldProfile is { Components.Length: > 0 } && expandFrom < 0)
            {
                expandFrom = _message.FieldCount - 1;
            }
        }

        foreach (var dev in definition.DeveloperFields)
        {
            var bytes = data.Slice(pos, dev.Size);
            pos += dev.Size;
            var description = _developerFields.GetValueOrDefault((dev.DeveloperIndex, dev.Number));
            AddField(bytes, description?.BaseType ?? FitBaseType.Byte, definition.BigEndian, dev.Number, null, dev.DeveloperIndex, description);
        }

        if (compressedTimestamp)
        {
            _message.Add(new FitField(TimestampField, TimestampLabel, _lastTimestamp, null));
        }

        if (profile is not null)
        {
            if (expandFrom >= 0 && _options.ExpandComponents)
            {
                ExpandComponents(data, definition, recordStart, profile);
            }

            if (definition.Accumulates && _accumulators.Count > 0)
            {
                SeedAccumulators(profile);
            }
        }

        if (definition.Global == FieldDescriptionMessage)
        {
            RememberDeveloperField();
        }

        _messages++;
        _handler(_message);
        return true;
    }

    /// <summary>Decodes one field's bytes and adds it to the message; false when it holds only invalid values.</summary>
    private bool AddField(ReadOnlySpan<byte> bytes, byte baseType, bool bigEndian, int number, FitFieldProfile? profile, int developerIndex, DeveloperField? description)
    {
        var scale = profile?.Scale ?? description?.Scale ?? 1;
        var offset = profile?.Offset ?? description?.Offset ?? 0;
        var label = profile?.Label ?? description?.Label;
        if (baseType == FitBaseType.String)
        {
            var length = bytes.IndexOf((byte)0);
            var text = Encoding.UTF8.GetString(length < 0 ? bytes : bytes[..length]);
            if (text.Length == 0)
            {
                return false;
            }

            _message.Add(new FitField(number, label, double.NaN, text, developerIndex));
            return true;
        }

        var size = FitBaseType.Size(baseType);
        if (size == 0 || bytes.Length % size != 0 || bytes.Length == 0)
        {
            // A size that does not fit the base type (seen in Coros files): keep the bytes, unscaled.
            baseType = FitBaseType.Byte;
            size = 1;
            scale = 1;
            offset = 0;
            if (bytes.Length == 0)
            {
                return false;
            }
        }

        var count = bytes.Length / size;
        if (count == 1)
        {
            var value = FitBaseType.Read(bytes, baseType, bigEndian);
            if (double.IsNaN(value))
            {
                return false;
            }

            _message.AddScalar(number, label, (value / scale) - offset, developerIndex);
            return true;
        }

        var values = new double[count];
        var anyValid = false;
        for (var i = 0; i < count; i++)
        {
            var value = FitBaseType.Read(bytes.Slice(i * size, size), baseType, bigEndian);
            anyValid |= !double.IsNaN(value);
            values[i] = (value / scale) - offset;
        }

        if (!anyValid)
        {
            return false;
        }

        _message.Add(new FitField(number, label, values[0], values, developerIndex));
        return true;
    }

    /// <summary>Expands fields made of bit-packed components into their target fields (e.g. speed into enhanced speed).</summary>
    private void ExpandComponents(ReadOnlySpan<byte> data, LocalDefinition definition, int recordStart, FitMessageProfile profile)
    {
        // Read the raw bytes again: components are defined on the raw bits, not on scaled values. Only the fields
        // that have components are visited (worked out once per definition).
        foreach (var (index, offset) in definition.Expanding)
        {
            var field = definition.Fields[index];
            var bytes = data.Slice(recordStart + 1 + offset, field.Size);
            var source = definition.FieldProfiles[index]!;
            if (!_message.Has(field.Number))
            {
                continue;
            }

            var size = FitBaseType.Size(field.BaseType);
            if (size == 0 || bytes.Length % size != 0 || field.BaseType == FitBaseType.String)
            {
                continue;
            }

            var count = Math.Min(bytes.Length / size, _elements.Length);
            for (var i = 0; i < count; i++)
            {
                _elements[i] = FitBaseType.ReadBits(bytes.Slice(i * size, size), field.BaseType, definition.BigEndian);
            }

            Expand(source, _elements.AsSpan(0, count), size * 8, profile, depth: 0);
        }
    }

    private void Expand(FitFieldProfile source, ReadOnlySpan<ulong> elements, int bitsPerElement, FitMessageProfile profile, int depth)
    {
        var reader = new BitReader(elements, bitsPerElement);
        for (var j = 0; j < source.Components.Length; j++)
        {
            var bits = source.Bits[j];
            if (reader.Available < bits || bits > 32)
            {
                break;
            }

            double value = reader.Read(bits);
            var target = profile.Field(source.Components[j]);
            if (target is null)
            {
                continue;
            }

            if (target.Accumulated)
            {
                value = Accumulate(profile.Number, target.Number, value, bits);
            }

            var scaled = (value / source.ComponentScales[j]) - source.ComponentOffsets[j];
            if (!_message.Has(target.Number))
            {
                _message.AddScalar(target.Number, target.Label, scaled, -1);
                if (target.Components.Length > 0 && depth < 4)
                {
                    var raw = (ulong)Math.Round((scaled + target.Offset) * target.Scale);
                    Expand(target, [raw], Math.Max(8, FitBaseType.Size(target.BaseType) * 8), profile, depth + 1);
                }
            }

            if (reader.Available == 0)
            {
                break;
            }
        }
    }

    private double Accumulate(int message, int field, double value, int bits)
    {
        var mask = (1L << bits) - 1;
        var state = _accumulators.GetValueOrDefault((message, field), (Accumulated: value, Last: value));
        var accumulated = state.Accumulated + (((long)value - (long)state.Last) & mask);
        _accumulators[(message, field)] = (accumulated, value);
        return accumulated;
    }

    /// <summary>A directly recorded accumulated field (e.g. distance) restarts its accumulator, as Garmin's SDK does.</summary>
    private void SeedAccumulators(FitMessageProfile profile)
    {
        foreach (ref readonly var f in _message.Fields)
        {
            if (f.IsDeveloperField || profile.Field(f.Number) is not { Accumulated: true } target || f.Values is not null)
            {
                continue;
            }

            foreach (var key in _accumulators.Keys)
            {
                if (key.Message == profile.Number && key.Field == target.Number)
                {
                    // Stored in component units of the source that feeds it: the distance component is 1/16 m.
                    var raw = f.Value * ComponentScaleFor(profile, target.Number);
                    _accumulators[key] = (raw, raw);
                    break;
                }
            }
        }
    }

    private static double ComponentScaleFor(FitMessageProfile profile, int target)
    {
        for (var n = 0; n < 256; n++)
        {
            if (profile.Field(n) is { } source)
            {
                var index = Array.IndexOf(source.Components, target);
                if (index >= 0)
                {
                    return source.ComponentScales[index];
                }
            }
        }

        return 1;
    }

    private void RememberDeveloperField()
    {
        double index = double.NaN, number = double.NaN, baseType = double.NaN, scale = double.NaN, offset = double.NaN;
        string? name = null, units = null;
        foreach (ref readonly var f in _message.Fields)
        {
            switch (f.Number)
            {
                case 0: index = f.Value; break;
                case 1: number = f.Value; break;
                case 2: baseType = f.Value; break;
                case 3: name = f.Text; break;
                case 6: scale = f.Value; break;
                case 7: offset = f.Value; break;
                case 8: units = f.Text; break;
            }
        }

        if (double.IsNaN(index) || double.IsNaN(number) || double.IsNaN(baseType))
        {
            return;
        }

        _developerFields[((int)index, (int)number)] = new DeveloperField(
            FitBaseType.Normalise((byte)baseType), name, units, double.IsNaN(scale) || scale == 0 ? 1 : scale, double.IsNaN(offset) ? 0 : offset);
    }

    private readonly record struct FieldDefinition(byte Number, byte Size, byte BaseType);

    private readonly record struct DeveloperFieldDefinition(byte Number, byte Size, byte DeveloperIndex);

    private sealed record LocalDefinition(
        int Global, bool BigEndian, FieldDefinition[] Fields, DeveloperFieldDefinition[] DeveloperFields, int Size, FitMessageProfile? Profile,
        FitFieldProfile?[] FieldProfiles, (int Field, int Offset)[] Expanding, bool Accumulates);

    private sealed record DeveloperField(byte BaseType, string? Name, string? Units, double Scale, double Offset)
    {
        public FitFieldLabel Label { get; } = new(Name, Units);
    }

    /// <summary>Reads bits least-significant first across elements, as the FIT profile packs components.</summary>
    private ref struct BitReader(ReadOnlySpan<ulong> elements, int bitsPerElement)
    {
        private readonly ReadOnlySpan<ulong> _elements = elements;
        private int _bit;

        public readonly int Available => (_elements.Length * bitsPerElement) - _bit;

        public ulong Read(int count)
        {
            var offset = _bit % bitsPerElement;
            if (offset + count <= bitsPerElement)
            {
                // Fast path: the bits lie within one element.
                var element = _elements[_bit / bitsPerElement];
                _bit += count;
                return count == 64 ? element : (element >> offset) & ((1UL << count) - 1);
            }

            ulong value = 0;
            for (var i = 0; i < count; i++, _bit++)
            {
                var element = _elements[_bit / bitsPerElement];
                value |= ((element >> (_bit % bitsPerElement)) & 1UL) << i;
            }

            return value;
        }
    }
}
