namespace Loom.Coverage.Reports;

/// <summary>What the run did with a site.</summary>
public enum SiteStatus
{
    /// <summary>Loom's record has the line: a Loom test ran it under Loom's control (<c>loom</c>).</summary>
    ReachedUnderLoom,

    /// <summary>
    /// The line ran, but never under Loom's control (<c>outside-loom</c>): only a test that does not use Loom
    /// reached it, or it is a determinism leak (a raw <c>DateTime.UtcNow</c> during a Loom test).
    /// </summary>
    ReachedOutsideLoom,

    /// <summary>Coverlet counted the line and it never ran, while other code in its file did (<c>never-hit</c>).</summary>
    NeverHit,

    /// <summary>Coverlet counted the file and no line of it ran at all: its code was never loaded or called (<c>file-never-loaded</c>).</summary>
    FileNeverLoaded,

    /// <summary>Neither Coverlet nor Loom has data for the line (<c>no-data</c>): Coverlet did not run or did not instrument the file.</summary>
    NoData,
}
