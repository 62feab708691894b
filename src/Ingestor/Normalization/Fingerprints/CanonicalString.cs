using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ingestor.Normalization.Fingerprints;

/// <summary>
/// Writes a JSON string as <see cref="CanonicalJson"/> spells it, straight from the UTF-8 it was sent as. Reading a string as
/// text and writing the text again decodes and encodes every character, when most come out as they went in: Greenhouse sends
/// descriptions of several kilobytes with "&amp;" escaped as "\u0026" and little else. Only the plain part is done here:
/// ASCII, sent as is or escaped, spelled as the writer spells it, and other characters the writer's encoder leaves alone, sent
/// as is or as \u escapes (as a serializer that escapes everything beyond ASCII sends them).
/// </summary>
internal static class CanonicalString
{
    // How the writer spells each ASCII character inside a string: as itself, or escaped ("\n", "\u007F").
    private static readonly byte[][] AsciiSpelling = [.. Enumerable.Range(0, 128).Select(c => SpelledByWriter((char)c))];

    // Where copying the bytes as sent must stop: an escape, an ASCII character the writer escapes, any byte beyond ASCII.
    private static readonly SearchValues<byte> Stops = SearchValues.Create(
        [.. Enumerable.Range(0, 256).Where(b => b == '\\' || b >= 128 || !AsciiSpelling[b].AsSpan().SequenceEqual([(byte)b])).Select(b => (byte)b)]);

    /// <summary>Writes the string whose JSON text as sent is <paramref name="sent"/> (quotes included), or returns false and writes nothing.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> sent, Utf8JsonWriter writer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(sent.Length);
        try
        {
            var spelled = rented.AsSpan();
            var length = 0;
            var rest = sent[1..^1];
            spelled[length++] = (byte)'"';
            while (rest.Length > 0)
            {
                var plain = rest.IndexOfAny(Stops) is var stop and >= 0 ? stop : rest.Length;
                rest[..plain].CopyTo(spelled[length..]);
                length += plain;
                rest = rest[plain..];
                if (rest.Length == 0)
                    break;

                int consumed;
                if (rest[0] >= 128)
                {
                    // A run of characters beyond ASCII goes as sent when the encoder leaves all of them alone (and they are valid UTF-8).
                    consumed = rest.IndexOfAnyInRange((byte)0, (byte)127) is var ascii and >= 0 ? ascii : rest.Length;
                    if (CanonicalJson.Encoder.FindFirstCharacterToEncodeUtf8(rest[..consumed]) >= 0)
                        return false;
                    rest[..consumed].CopyTo(spelled[length..]);
                    length += consumed;
                }
                else if (IsEscapeBeyondAscii(rest))
                {
                    if (!TryCopyEscapedBeyondAscii(rest, spelled[length..], out consumed, out var written))
                        return false;
                    length += written;
                }
                else
                {
                    if (!TryReadAscii(rest, out var character, out consumed))
                        return false;
                    // What is spelled is never longer than what was sent, so the buffer holds it; a DEL sent as is would be, and is left to the writer.
                    var spelling = AsciiSpelling[character];
                    if (spelling.Length > consumed)
                        return false;
                    spelling.CopyTo(spelled[length..]);
                    length += spelling.Length;
                }
                rest = rest[consumed..];
            }
            spelled[length++] = (byte)'"';
            writer.WriteRawValue(spelled[..length], skipInputValidation: true);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsEscapeBeyondAscii(ReadOnlySpan<byte> text) =>
        text[0] == '\\' && text[1] == 'u' && !(text[2] == '0' && text[3] == '0' && text[4] <= '7');

    /// <summary>
    /// Copies the character a \u escape at the start of <paramref name="text"/> stands for (two escapes for a surrogate pair)
    /// as UTF-8, which is how the writer spells a character its encoder leaves alone; false for one it escapes, or a lone surrogate.
    /// </summary>
    private static bool TryCopyEscapedBeyondAscii(ReadOnlySpan<byte> text, Span<byte> spelled, out int consumed, out int written)
    {
        consumed = written = 0;
        var unit = (char)HexUnit(text[2..6]);
        Rune character;
        if (char.IsHighSurrogate(unit))
        {
            if (text.Length < 12 || text[6] != '\\' || text[7] != 'u' || !char.IsLowSurrogate((char)HexUnit(text[8..12])))
                return false;
            (character, consumed) = (new Rune(unit, (char)HexUnit(text[8..12])), 12);
        }
        else if (Rune.TryCreate(unit, out character))
            consumed = 6;
        else
            return false;

        Span<byte> utf8 = stackalloc byte[4];
        var length = character.EncodeToUtf8(utf8);
        if (CanonicalJson.Encoder.FindFirstCharacterToEncodeUtf8(utf8[..length]) >= 0)
            return false;
        // Never longer than the escape it replaces, so the buffer holds it.
        utf8[..length].CopyTo(spelled);
        written = length;
        return true;
    }

    private static int HexUnit(ReadOnlySpan<byte> digits) => Hex(digits[0]) << 12 | Hex(digits[1]) << 8 | Hex(digits[2]) << 4 | Hex(digits[3]);

    /// <summary>The ASCII character at the start of <paramref name="text"/>, sent as is or escaped; false for an escape of anything else.</summary>
    private static bool TryReadAscii(ReadOnlySpan<byte> text, out byte character, out int consumed)
    {
        (character, consumed) = text[0] != '\\' ? (text[0], 1) : text[1] switch
        {
            (byte)'b' => ((byte)'\b', 2),
            (byte)'f' => ((byte)'\f', 2),
            (byte)'n' => ((byte)'\n', 2),
            (byte)'r' => ((byte)'\r', 2),
            (byte)'t' => ((byte)'\t', 2),
            (byte)'u' when text[2] == '0' && text[3] == '0' && text[4] <= '7' => ((byte)((text[4] - '0') << 4 | Hex(text[5])), 6),
            (byte)'u' => ((byte)0, 0),
            var escaped => (escaped, 2), // \" \\ \/
        };
        return consumed > 0;
    }

    // A hexadecimal digit as the JSON reader has already checked it to be.
    private static int Hex(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private static byte[] SpelledByWriter(char character)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
            writer.WriteStringValue(character.ToString());
        return buffer.WrittenSpan[1..^1].ToArray();
    }
}
