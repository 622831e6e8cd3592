using System.Globalization;
using System.Text;
using System.Xml;

namespace RunAdapt.Activities.Xml;

/// <summary>
/// The shared base of the XML formats (TCX, GPX): recognises the root element after an optional BOM, XML
/// declaration and comments, and reads with a hardened <see cref="XmlReader"/> — no DTDs, no external entities,
/// a bounded document size — streaming, never building the whole tree.
/// </summary>
public abstract class XmlActivityFormat : IActivityFormat
{
    /// <summary>The largest document accepted, in characters.</summary>
    public const long MaxCharacters = 512L * 1024 * 1024;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public int HeaderSize => 4096;

    /// <summary>The local name of the format's root element.</summary>
    protected abstract string RootElement { get; }

    /// <inheritdoc/>
    public bool IsMatch(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header);
        var index = 0;
        while ((index = text.IndexOf('<', index)) >= 0 && index + 1 < text.Length)
        {
            var next = text[index + 1];
            if (next is '?' or '!')
            {
                index++;
                continue;
            }

            var end = text.IndexOfAny([' ', '>', '\n', '\r', '\t', '/'], index + 1);
            var name = end < 0 ? text[(index + 1)..] : text[(index + 1)..end];
            var colon = name.IndexOf(':');
            return (colon >= 0 ? name[(colon + 1)..] : name) == RootElement;
        }

        return false;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Activity> Decode(Stream stream, string fileName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return [Read(reader, fileName)];
        }
        catch (XmlException e)
        {
            throw new InvalidActivityFileException(fileName, Offset(stream), $"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message.Split('\n')[0]}", e);
        }
        catch (FormatException e)
        {
            throw new InvalidActivityFileException(fileName, Offset(stream), $"a value is not in the expected format: {e.Message}", e);
        }
    }

    /// <summary>Reads the document into an activity.</summary>
    /// <param name="reader">The positioned reader.</param>
    /// <param name="fileName">The name for errors.</param>
    private protected abstract Activity Read(XmlReader reader, string fileName);

    /// <summary>Reads an element's text as a number (invariant culture), or <c>null</c> when empty.</summary>
    /// <param name="reader">A reader on the element's start.</param>
    private protected static double? Number(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString().Trim();
        return text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads an attribute as a number, or <c>null</c>.</summary>
    /// <param name="reader">A reader on an element.</param>
    /// <param name="name">The attribute name.</param>
    private protected static double? NumberAttribute(XmlReader reader, string name) =>
        reader.GetAttribute(name) is { Length: > 0 } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>Parses an XML date-time with any offset to UTC.</summary>
    /// <param name="text">The text.</param>
    private protected static DateTime? Time(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;

    private static long Offset(Stream stream) => stream.CanSeek ? stream.Position : 0;
}
