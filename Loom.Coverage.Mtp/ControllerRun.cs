using System;

namespace Loom.Coverage.Mtp;

/// <summary>
/// What the test host controller's two parts share for one run: the folder the test host writes Loom's record to
/// (handed to it as <c>LOOM_COVERAGE_DIR</c>) and when the test host was started (Coverlet's report of this run is
/// written after that).
/// </summary>
internal sealed class ControllerRun
{
    /// <summary>Set in the test host's environment when the controller builds the report, so the test host does not.</summary>
    public const string ReportByControllerVariable = "LOOM_COVERAGE_REPORT_BY_CONTROLLER";

    public string RecordFolder { get; } = ReportBuilder.NewRecordFolder();

    public DateTime StartedUtc { get; set; } = DateTime.UtcNow;
}
