using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// Consumer.Xunit4.Mtp (xunit.v3 4.0.3) under Microsoft.Testing.Platform 2.x, selected by its global.json: what
/// docs/xunit.md promises (<see cref="XunitConsumerChecks"/>), and loom-coverage under the platform.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit4MtpConsumerTests(PackagedConsumers packed) : Xunit4ConsumerChecks(packed, packed.XunitLines.Xunit4Mtp)
{
    [Fact]
    public void With_loom_coverage_the_report_says_why_code_in_the_test_project_has_no_Coverlet_counts_and_gives_each_site_its_VSTest_status()
    {
        using var mtp = CoverageReports.Read(Packed.Xunit4MtpCoverageResults, Packed.Xunit4MtpCoverage);
        using var vstest = CoverageReports.Read(Packed.XunitCoverageResults, Packed.XunitVsTest);

        // Its counters are compiled into the test project, which coverlet.MTP does not instrument on the platform.
        CoverageReports.AssertNoCoverletCountsForTestProjectCode(mtp);
        CoverageReports.AssertSameStatuses(vstest, mtp);
    }
}
