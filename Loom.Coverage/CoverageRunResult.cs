using System;
using System.Collections.Generic;
using Loom.Coverage.Reports;

namespace Loom.Coverage;

/// <summary>A finished report and the files it was written to.</summary>
/// <param name="Report">The joined report.</param>
/// <param name="JsonPath">The JSON report, or <see langword="null"/> if it could not be written.</param>
/// <param name="HtmlPath">The HTML report, or <see langword="null"/> if it could not be written.</param>
/// <param name="Summary">The console summary.</param>
/// <param name="SummaryPath">The console summary as a text file, or <see langword="null"/> if it could not be written.</param>
public sealed record CoverageRunResult(CoverageReport Report, string? JsonPath, string? HtmlPath, string Summary, string? SummaryPath = null)
{
    /// <summary>How long each step of building the report took, in order.</summary>
    public IReadOnlyList<CoveragePhase> Phases { get; init; } = Array.Empty<CoveragePhase>();

    /// <summary>Whether the catalog came from the cache beside the test assembly, so no source was compiled.</summary>
    public bool CatalogFromCache { get; init; }
}
