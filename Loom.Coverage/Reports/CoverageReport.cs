using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;

namespace Loom.Coverage.Reports;

/// <summary>
/// The join of the site catalog with what the run reached: Loom's record first (a line it ran under control is
/// reached under Loom, whatever else ran it), then Coverlet's line hits.
/// </summary>
public sealed class CoverageReport
{
    private CoverageReport(SiteCatalog catalog, IReadOnlyList<SiteResult> results, IReadOnlyList<CoverageProblem> problems, CoverageInputs inputs)
    {
        Catalog = catalog;
        Results = results;
        Problems = problems;
        Inputs = inputs;
        Summary = SiteCategoryNames.All.Select(category =>
        {
            var of = results.Where(r => r.Site.Category == category).ToList();
            return new CategorySummary(category, of.Count,
                of.Count(r => r.Status == SiteStatus.ReachedUnderLoom),
                of.Count(r => r.Status == SiteStatus.ReachedOutsideLoom),
                of.Count(r => r.Status == SiteStatus.NeverHit),
                of.Count(r => r.Status == SiteStatus.FileNeverLoaded),
                of.Count(r => r.Status == SiteStatus.NoData));
        }).ToList();
    }

    /// <summary>The catalog the report is built on.</summary>
    public SiteCatalog Catalog { get; }

    /// <summary>Every counted site with its status, ordered by file and line.</summary>
    public IReadOnlyList<SiteResult> Results { get; }

    /// <summary>One row per category, in report order.</summary>
    public IReadOnlyList<CategorySummary> Summary { get; }

    /// <summary>Everything skipped or unreadable: the catalog's problems, then the hit sources'.</summary>
    public IReadOnlyList<CoverageProblem> Problems { get; }

    /// <summary>What the report was built from.</summary>
    public CoverageInputs Inputs { get; }

    /// <summary>Joins a catalog with Coverlet's line hits and Loom's record.</summary>
    /// <param name="catalog">The sites.</param>
    /// <param name="lines">Coverlet's line hits (empty when Coverlet did not run).</param>
    /// <param name="record">Loom's record of controlled sites.</param>
    /// <param name="inputs">The files the report was built from.</param>
    /// <param name="problems">Problems met while reading the hits.</param>
    /// <returns>The report.</returns>
    public static CoverageReport Join(SiteCatalog catalog, LineHits lines, LoomRecord record, CoverageInputs inputs, IEnumerable<CoverageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(record);
        var results = new List<SiteResult>(catalog.Sites.Count);
        foreach (var site in catalog.Sites)
        {
            var hits = lines.Get(site.File, site.Line);
            var recorded = Recorded(record, site);
            if (recorded is { Hits: > 0 })
            {
                results.Add(new SiteResult(site, SiteStatus.ReachedUnderLoom, hits, recorded.Hits, recorded.FirstTest, recorded.FirstSchedule));
                continue;
            }
            var status = hits switch
            {
                > 0 => SiteStatus.ReachedOutsideLoom,
                // Loom's stand-in saw the call run outside any execution: known even where Coverlet has no counts.
                _ when recorded is { ReachedOutside: true } => SiteStatus.ReachedOutsideLoom,
                0 when lines.AnyLineRan(site.File) => SiteStatus.NeverHit,
                0 => SiteStatus.FileNeverLoaded,
                _ => lines.HasFile(site.File) && !lines.AnyLineRan(site.File) ? SiteStatus.FileNeverLoaded : SiteStatus.NoData,
            };
            results.Add(new SiteResult(site, status, hits, 0, null, null));
        }
        return new CoverageReport(catalog, results, catalog.Problems.Concat(problems).ToList(), inputs);
    }

    /// <summary>
    /// Loom's record of a site: its own line, or for a retry site any line of the code it marks (a retry loop ran
    /// under Loom when one of its controlled operations did, and outside when one of its calls ran outside). Hits
    /// add up over those lines.
    /// </summary>
    private static RecordedSite? Recorded(LoomRecord record, Site site)
    {
        RecordedSite? found = null;
        for (var line = site.Line; line <= site.LastLine; line++)
        {
            if (record.Sites.TryGetValue((site.File, line), out var recorded))
                found = found is null ? recorded : LoomRecord.Merge(found, recorded);
        }
        return found;
    }

    /// <summary>The summary row of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The row.</returns>
    public CategorySummary For(SiteCategory category) => Summary.First(s => s.Category == category);
}
