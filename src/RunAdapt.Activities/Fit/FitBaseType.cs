using System.Buffers.Binary;

namespace RunAdapt.Activities.Fit;

/// <summary>FIT base types: size, invalid value, and reading one element.</summary>
internal static class FitBaseType
{
    public const byte Enum = 0x00, SInt8 = 0x01, UInt8 = 0x02, SInt16 = 0x83, UInt16 = 0x84, SInt32 = 0x85, UInt32 = 0x86,
        String = 0x07, Float32 = 0x88, Float64 = 0x89, UInt8Z = 0x0A, UInt16Z = 0x8B, UInt32Z = 0x8C, Byte = 0x0D,
        SInt64 = 0x8E, UInt64 = 0x8F, UInt64Z = 0x90;

    /// <summary>Size in bytes of one element, or 0 for an unknown base type.</summary>
    public static int Size(byte baseType) => (baseType & 0x1F) switch
    {
        0x00 or 0x01 or 0x02 or 0x07 or 0x0A or 0x0D => 1,
        0x03 or 0x04 or 0x0B => 2,
        0x05 or 0x06 or 0x08 or 0x0C => 4,
        0x09 or 0x0E or 0x0F or 0x10 => 8,
        _ => 0,
    };

    /// <summary>Normalises a base type code (endian bit set or not) to the profile's code.</summary>
    public static byte Normalise(byte baseType) => (baseType & 0x1F) switch
    {
        0x00 => Enum, 0x01 => SInt8, 0x02 => UInt8, 0x03 => SInt16, 0x04 => UInt16, 0x05 => SInt32, 0x06 => UInt32,
        0x07 => String, 0x08 => Float32, 0x09 => Float64, 0x0A => UInt8Z, 0x0B => UInt16Z, 0x0C => UInt32Z, 0x0D => Byte,
        0x0E => SInt64, 0x0F => UInt64, 0x10 => UInt64Z, _ => Byte,
    };

    /// <summary>Reads one element as its raw integer bits (for bit-level component expansion).</summary>
    public static ulong ReadBits(ReadOnlySpan<byte> data, byte baseType, bool bigEndian) => Size(baseType) switch
    {
        1 => data[0],
        2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data) : BinaryPrimitives.ReadUInt16LittleEndian(data),
        4 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data),
        _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(data) : BinaryPrimitives.ReadUInt64LittleEndian(data),
    };

    /// <summary>Reads one element as a number, or NaN when it holds the type's invalid value.</summary>
    public static double Read(ReadOnlySpan<byte> data, byte baseType, bool bigEndian)
    {
        switch (baseType)
        {
            case Enum or UInt8 or Byte:
                return data[0] == 0xFF ? double.NaN : data[0];
            case UInt8Z:
                return data[0] == 0 ? double.NaN : data[0];
            case SInt8:
                return data[0] == 0x7F ? double.NaN : (sbyte)data[0];
            case UInt16 or UInt16Z:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data) : BinaryPrimitives.ReadUInt16LittleEndian(data);
                    return v == (baseType == UInt16 ? 0xFFFF : 0) ? double.NaN : v;
                }

            case SInt16:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(data) : BinaryPrimitives.ReadInt16LittleEndian(data);
                    return v == short.MaxValue ? double.NaN : v;
                }

            case UInt32 or UInt32Z:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
                    return v == (baseType == UInt32 ? 0xFFFFFFFF : 0) ? double.NaN : v;
                }

            case SInt32:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(data) : BinaryPrimitives.ReadInt32LittleEndian(data);
                    return v == int.MaxValue ? double.NaN : v;
                }

            case Float32:
                {
                    var bits = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
                    return bits == 0xFFFFFFFF ? double.NaN : BitConverter.UInt32BitsToSingle(bits);
                }

            case Float64:
                {
                    var bits = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(data) : BinaryPrimitives.ReadUInt64LittleEndian(data);
                    return bits == ulong.MaxValue ? double.NaN : BitConverter.UInt64BitsToDouble(bits);
                }

            case SInt64:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(data) : BinaryPrimitives.ReadInt64LittleEndian(data);
                    return v == long.MaxValue ? double.NaN : v;
                }

            case UInt64 or UInt64Z:
                {
                    var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(data) : BinaryPrimitives.ReadUInt64LittleEndian(data);
                    return v == (baseType == UInt64 ? ulong.MaxValue : 0) ? double.NaN : v;
                }

            default:
                return data[0];
        }
    }
}
