using System.Collections.Generic;

namespace Loom.Coverage;

/// <summary>What one coverage report is built from and where it goes.</summary>
public sealed class CoverageRunOptions
{
    /// <summary>The test assemblies of the run; the code under test is found beside them.</summary>
    public IList<string> TestAssemblies { get; } = new List<string>();

    /// <summary>Coverlet reports of the run (Cobertura XML or Coverlet JSON); empty when Coverlet did not run.</summary>
    public IList<string> CoverletReports { get; } = new List<string>();

    /// <summary>The folder the test processes wrote Loom's record to (<c>LOOM_COVERAGE_DIR</c>), if any.</summary>
    public string? LoomRecordFolder { get; set; }

    /// <summary>Loom's record, already read (the VSTest collector carries it inside its run file); added to the folder's.</summary>
    public Hits.LoomRecord? LoomRecord { get; set; }

    /// <summary>Where <c>loom-coverage.json</c> and <c>loom-coverage.html</c> are written.</summary>
    public required string OutputFolder { get; set; }

    /// <summary>Problems met before the report is built (an unreadable run file), reported with the others.</summary>
    public IList<Catalog.CoverageProblem> Problems { get; } = new List<Catalog.CoverageProblem>();

    /// <summary>Assembly names (without extension) left out of the code under test, besides Loom's own.</summary>
    public ISet<string> ExcludedAssemblies { get; } = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
}
