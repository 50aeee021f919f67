using System;
using System.Collections.Generic;
using System.Globalization;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>
/// One entry of a merge gate: the least share of a category's sites a run must reach under Loom, written as
/// <c>atomic=100</c>; a gate is a list of them, <c>atomic=100;retry=80</c> (<c>,</c> separates too), as
/// <c>LoomCoverageThreshold</c> takes under VSTest and <c>--loom-coverage-threshold</c> under the platform.
/// </summary>
/// <param name="Category">The category the entry gates.</param>
/// <param name="MinimumPercent">The least share, in percent (0 to 100), of its sites reached under Loom.</param>
public sealed record CoverageThreshold(SiteCategory Category, double MinimumPercent)
{
    /// <summary>Reads a gate.</summary>
    /// <param name="text">Entries such as <c>atomic=100;retry=80</c>.</param>
    /// <param name="thresholds">The entries, in the order written, when the text is valid.</param>
    /// <param name="error">What is wrong with the text, naming the entry; <see langword="null"/> when it is valid.</param>
    /// <returns>Whether the text is a valid gate.</returns>
    public static bool TryParse(string text, out IReadOnlyList<CoverageThreshold> thresholds, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = new List<CoverageThreshold>();
        thresholds = read;
        error = null;
        foreach (var entry in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !SiteCategoryNames.TryParse(parts[0], out var category) ||
                !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum) || minimum is < 0 or > 100)
            {
                error = $"'{entry}' is not 'category=percent' with a category of the report ({string.Join(", ", Names())}) and a percent from 0 to 100.";
                return false;
            }
            read.Add(new CoverageThreshold(category, minimum));
        }
        if (read.Count == 0)
        {
            error = $"'{text}' names no category; write it as atomic=100;retry=80.";
            return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="report"/> meets this entry: a category without sites meets any.</summary>
    /// <param name="report">The report of the run.</param>
    /// <returns>Whether the category's share reached under Loom is at least <see cref="MinimumPercent"/>.</returns>
    public bool IsMetBy(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var row = report.For(Category);
        return row.Total == 0 || row.Percent >= MinimumPercent;
    }

    /// <summary>The message for a run that does not meet this entry, in the words of the VSTest check.</summary>
    /// <param name="report">The report of the run.</param>
    /// <param name="option">Where the gate was set, for example <c>--loom-coverage-threshold</c>.</param>
    /// <returns>For example <c>loom-coverage: 80.0% of the sync sites were reached under Loom, below the threshold of 100% (...)</c>.</returns>
    public string Shortfall(CoverageReport report, string option)
    {
        ArgumentNullException.ThrowIfNull(report);
        var actual = report.For(Category).Percent.ToString("0.0", CultureInfo.InvariantCulture);
        var minimum = MinimumPercent.ToString("0.##", CultureInfo.InvariantCulture);
        return $"loom-coverage: {actual}% of the {SiteCategoryNames.Name(Category)} sites were reached under Loom, below the threshold of {minimum}% ({option}). The report lists the sites not reached.";
    }

    private static IEnumerable<string> Names()
    {
        foreach (var category in SiteCategoryNames.All)
            yield return SiteCategoryNames.Name(category);
    }
}
