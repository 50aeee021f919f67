using System.Collections.Generic;

namespace Loom.Coverage.Reports;

/// <summary>What a report was built from, so a reader can tell what was and was not there.</summary>
/// <param name="TestAssemblies">The test assemblies whose folders were scanned.</param>
/// <param name="ScannedAssemblies">The assemblies whose sources were scanned (the code under test).</param>
/// <param name="CoverletReports">Coverlet reports read; empty when Coverlet's line hits were not available.</param>
/// <param name="LoomRecordFiles">How many Loom record files (one per test process) were read.</param>
public sealed record CoverageInputs(IReadOnlyList<string> TestAssemblies, IReadOnlyList<string> ScannedAssemblies, IReadOnlyList<string> CoverletReports, int LoomRecordFiles);
