using System.Linq;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The NUnit consumers (tests/fixtures/Consumer.NUnit under VSTest, Consumer.NUnit.Mtp under Microsoft.Testing.Platform):
/// Loom.NUnit by package reference and no LoomThreading, so the code under test stays on System.Threading.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class NUnitConsumerTests(PackagedConsumers packed)
{
    [Fact]
    public void Under_VSTest_the_theories_are_discovered_per_schedule_and_seed_and_pass()
    {
        var run = packed.NUnitVsTest;

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(["Atomic_increments(seed 0)", "Atomic_increments(seed 1)", "Atomic_increments(seed 2)"],
            run.Passed.Select(c => c.Name).Where(n => n.StartsWith("Atomic_increments", System.StringComparison.Ordinal)).Order());
        Assert.Equal("Passed", run.Case("Code_under_test_is_compiled_against_System_Threading").Outcome);
        Assert.Equal(run.Total, run.PassedCount);
    }

    [Fact]
    public void Without_LoomThreading_the_code_under_test_uses_System_Threading_and_Loom_cannot_see_its_race()
    {
        var run = packed.NUnitVsTest;

        // The counter's read and write are System.Threading's: no scheduling point between them, so the only
        // interleavings are of the threads' start and join, and none loses an update.
        var racy = run.Cases.Where(c => c.Name.StartsWith("Racy_increments(schedule ", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(["Racy_increments(schedule 0)"], racy.Select(c => c.Name));
        Assert.All(racy, c => Assert.Equal("Passed", c.Outcome));
        Assert.Contains("4 controlled operations", racy.Single().Text);
    }

    [Fact]
    public void Under_Microsoft_Testing_Platform_the_same_cases_pass()
    {
        var vstest = packed.NUnitVsTest;
        var mtp = packed.NUnitMtp;

        Assert.True(mtp.Result.ExitCode == 0, mtp.ToString());
        Assert.Equal(vstest.Cases.Select(c => c.Name).Order(), mtp.Named("passed").Order());
        Assert.Equal(vstest.Total, mtp.Total);
    }
}
