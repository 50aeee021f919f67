using System;

namespace Loom.Coverage.Reports;

/// <summary>The names statuses have in the reports.</summary>
public static class SiteStatusNames
{
    /// <summary>The report name of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>For example <c>loom</c> or <c>never-hit</c>.</returns>
    public static string Name(SiteStatus status) => status switch
    {
        SiteStatus.ReachedUnderLoom => "loom",
        SiteStatus.ReachedOutsideLoom => "outside-loom",
        SiteStatus.NeverHit => "never-hit",
        SiteStatus.FileNeverLoaded => "file-never-loaded",
        SiteStatus.NoData => "no-data",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown site status."),
    };

    /// <summary>How a person reads the status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>A short phrase.</returns>
    public static string Describe(SiteStatus status) => status switch
    {
        SiteStatus.ReachedUnderLoom => "reached under Loom",
        SiteStatus.ReachedOutsideLoom => "reached outside Loom's control",
        SiteStatus.NeverHit => "never hit",
        SiteStatus.FileNeverLoaded => "file never loaded",
        SiteStatus.NoData => "no coverage data",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown site status."),
    };
}
