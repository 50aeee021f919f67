using System.Linq;
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
    public void With_loom_coverage_the_report_joins_coverlet_MTPs_hits_and_gives_each_site_the_VSTest_runs_status()
    {
        using var mtp = CoverageReports.Read(Packed.Xunit4MtpCoverageResults, Packed.Xunit4MtpCoverage);
        using var vstest = CoverageReports.Read(Packed.XunitCoverageResults, Packed.XunitVsTest);

        CoverageReports.AssertCoverletJoined(mtp);
        // The same counters, tested by the same source on xUnit 3.x under VSTest, get the same statuses.
        var counters = CoverageReports.Sites(vstest).ToList();
        Assert.NotEmpty(counters);
        Assert.Equal(counters, CoverageReports.Sites(mtp).Where(s => counters.Any(c => SameFile(c, s))));
    }

    // "category File.cs:line status": the same file.
    private static bool SameFile(string a, string b) => a.Split(' ')[1].Split(':')[0] == b.Split(' ')[1].Split(':')[0];
}
