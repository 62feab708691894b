using System.Globalization;
using System.Text;

namespace Ingestor.Normalization.Locations;

/// <summary>
/// The form place names are compared in: accents dropped, lower case, every run of punctuation or space one space,
/// so "São Paulo", "Sao-Paulo" and "SAO PAULO" meet, as do "U.S." and "u s", and "St. Louis" and "Saint Louis".
/// </summary>
internal static class PlaceKey
{
    public static string Fold(string text)
    {
        // Most names are ASCII; decomposing only the rest keeps loading the gazetteer fast.
        var source = IsAscii(text) ? text : text.Normalize(NormalizationForm.FormD);
        var buffer = source.Length <= 256 ? stackalloc char[source.Length] : new char[source.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c)))
            {
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c <= 127 || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = true;
            }
        }
        var folded = new string(buffer[..length]);
        return folded.Contains("t ") || folded.EndsWith('t') ? ExpandAbbreviations(folded) : folded;
    }

    // "St. Louis" and "Saint Louis", "Ft. Worth" and "Fort Worth" name the same places; GeoNames spells either.
    private static string ExpandAbbreviations(string folded) =>
        string.Join(' ', folded.Split(' ').Select(word => word switch
        {
            "st" => "saint",
            "ste" => "sainte",
            "ft" => "fort",
            "mt" => "mount",
            _ => word,
        }));

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
            if (c > 127) return false;
        return true;
    }
}
