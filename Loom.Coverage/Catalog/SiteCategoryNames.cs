using System;
using System.Collections.Generic;

namespace Loom.Coverage.Catalog;

/// <summary>The names categories have in reports and settings (<c>atomic</c>, <c>network-io</c>, ...).</summary>
public static class SiteCategoryNames
{
    /// <summary>Every category, in report order.</summary>
    public static IReadOnlyList<SiteCategory> All { get; } =
        [SiteCategory.Atomic, SiteCategory.Sync, SiteCategory.Time, SiteCategory.Random, SiteCategory.NetworkIO, SiteCategory.FileIO, SiteCategory.Retry];

    /// <summary>The report name of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>For example <c>atomic</c> or <c>network-io</c>.</returns>
    public static string Name(SiteCategory category) => category switch
    {
        SiteCategory.Atomic => "atomic",
        SiteCategory.Sync => "sync",
        SiteCategory.Time => "time",
        SiteCategory.Random => "random",
        SiteCategory.NetworkIO => "network-io",
        SiteCategory.FileIO => "file-io",
        SiteCategory.Retry => "retry",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown site category."),
    };

    /// <summary>Reads a category from its report name.</summary>
    /// <param name="name">A name such as <c>atomic</c>, compared without regard to case.</param>
    /// <param name="category">The category, when the name is known.</param>
    /// <returns>Whether the name is a category's.</returns>
    public static bool TryParse(string name, out SiteCategory category)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }
}
