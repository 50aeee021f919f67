using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>A site and what the run did with it.</summary>
/// <param name="Site">The site.</param>
/// <param name="Status">Whether and how it was reached.</param>
/// <param name="Hits">Coverlet's hit count for the line, or <see langword="null"/> without line data.</param>
/// <param name="LoomHits">Scheduling points Loom ran on the line, or 0.</param>
/// <param name="FirstTest">The test that first reached it under Loom, if known.</param>
/// <param name="FirstSchedule">The schedule id of the first execution that reached it under Loom.</param>
public sealed record SiteResult(Site Site, SiteStatus Status, long? Hits, long LoomHits, string? FirstTest, string? FirstSchedule);
