using System;

namespace Loom.Cases;

/// <summary>
/// The two spellings of a schedule id a user meets: the canonical one (<c>1@3 0@5</c>) and the filter-safe one
/// (<c>1@3_0@5</c>) that test filters which split at whitespace (NUnit's) can take. Everywhere Loom reads a
/// schedule id from a user (the <c>Schedule</c> option, the regressions file) both are accepted.
/// </summary>
public static class ScheduleText
{
    /// <summary>What separates decisions in the filter-safe spelling.</summary>
    public const char FilterSafeSeparator = '_';

    /// <summary>The canonical spelling of a schedule id written either way (underscores read as spaces).</summary>
    /// <param name="text">The schedule id as the user wrote it.</param>
    /// <returns>The text with <see cref="FilterSafeSeparator"/> turned into spaces; parse it with <see cref="ScheduleId"/>.</returns>
    public static string Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(FilterSafeSeparator, ' ');
    }

    /// <summary>A value with no whitespace, for a trait or property that a whitespace-splitting filter must match.</summary>
    /// <param name="value">A trait value, for example a schedule id <c>1@3 0@5</c> or a group <c>after 10000</c>.</param>
    /// <returns>The value with spaces turned into <see cref="FilterSafeSeparator"/>, for example <c>1@3_0@5</c>.</returns>
    public static string FilterSafe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace(' ', FilterSafeSeparator);
    }
}
