namespace Loom.Coverage.Catalog;

/// <summary>A site removed from the totals, and why.</summary>
/// <param name="Site">The site that would have counted.</param>
/// <param name="Reason">The reason: a <c>LOOM-EXCLUDE-BEGIN</c> region's text, or <c>[ExcludeFromCodeCoverage]</c>.</param>
public sealed record ExcludedSite(Site Site, string Reason);
