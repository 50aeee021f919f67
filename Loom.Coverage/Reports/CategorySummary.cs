using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>How many sites of one category the run reached, and how.</summary>
/// <param name="Category">The category.</param>
/// <param name="Total">Sites that count (excluded ones do not).</param>
/// <param name="ReachedUnderLoom">Sites reached under Loom's control.</param>
/// <param name="ReachedOutsideLoom">Sites that ran, but only outside Loom's control.</param>
/// <param name="NeverHit">Sites that never ran.</param>
/// <param name="FileNeverLoaded">Sites in files none of whose code ran.</param>
/// <param name="NoData">Sites without coverage data.</param>
public sealed record CategorySummary(SiteCategory Category, int Total, int ReachedUnderLoom, int ReachedOutsideLoom, int NeverHit, int FileNeverLoaded, int NoData)
{
    /// <summary>The share of sites reached under Loom, in percent (100 when there are none).</summary>
    public double Percent => Total == 0 ? 100.0 : System.Math.Round(100.0 * ReachedUnderLoom / Total, 1);
}
