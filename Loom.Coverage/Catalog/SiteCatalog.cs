using System.Collections.Generic;

namespace Loom.Coverage.Catalog;

/// <summary>Every site found in the code under test, the sites excluded, and what could not be scanned.</summary>
/// <param name="Sites">The sites that count, ordered by file and line.</param>
/// <param name="Excluded">The sites removed by an exclusion marker or attribute.</param>
/// <param name="Problems">Warnings and skipped inputs.</param>
/// <param name="Files">Every source file scanned.</param>
public sealed record SiteCatalog(
    IReadOnlyList<Site> Sites,
    IReadOnlyList<ExcludedSite> Excluded,
    IReadOnlyList<CoverageProblem> Problems,
    IReadOnlyList<string> Files);
