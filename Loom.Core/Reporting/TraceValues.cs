using System;
using System.Globalization;

namespace Loom.Reporting;

/// <summary>Formats the values operations read or wrote, the same way in reports, comparisons and hashes.</summary>
internal static class TraceValues
{
    public static string? Format(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                string s => s,
                TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
        catch (Exception ex)
        {
            // A user type's ToString must not break the report.
            return $"<{value!.GetType().Name}: ToString threw {ex.GetType().Name}>";
        }
    }
}
