using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Loom.Cases;

/// <summary>
/// The <c>key=value;key=value</c> text used to carry settings and cases across process boundaries. Values are
/// percent-escaped so schedule ids, error messages and paths survive whatever characters they hold.
/// </summary>
internal static class KeyValueText
{
    public static string Write(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (sb.Length > 0)
                sb.Append(';');
            sb.Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return sb.ToString();
    }

    public static IEnumerable<(string Key, string Value)> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            yield break;
        foreach (var pair in text.Split(';'))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"'{pair}' in '{text}' is not of the form key=value.");
            yield return (pair[..eq], Uri.UnescapeDataString(pair[(eq + 1)..]));
        }
    }

    public static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"Setting '{key}' has '{value}' where a whole number was expected.");

    public static long ParseLong(string key, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"Setting '{key}' has '{value}' where a whole number was expected.");
}
