using System.Linq;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// Consumer.Xunit4.VsTest (xunit.v3.mtp-off 4.0.3, xunit.runner.visualstudio 4.0.1, Microsoft.NET.Test.Sdk 18.12.0)
/// under VSTest: what docs/xunit.md promises (<see cref="XunitConsumerChecks"/>), and the loom-coverage collector.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit4VsTestConsumerTests(PackagedConsumers packed) : Xunit4ConsumerChecks(packed, packed.XunitLines.Xunit4VsTest)
{
    [Fact]
    public void With_the_loom_coverage_collector_the_report_joins_Coverlets_hits_and_gives_each_site_the_xUnit_3_runs_status()
    {
        using var xunit4 = CoverageReports.Read(Packed.Xunit4VsTestCoverageResults, Packed.Xunit4VsTestCoverage);
        using var xunit3 = CoverageReports.Read(Packed.XunitCoverageResults, Packed.XunitVsTest);

        CoverageReports.AssertCoverletJoined(xunit4);
        CoverageReports.AssertSameStatuses(xunit3, xunit4);
    }
}
