using System.Collections.Generic;
using System.IO;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Adapters.Tests.EndToEnd;

/// <summary>The README's first test in each framework: <c>dotnet test samples/Loom.Samples.&lt;framework&gt;</c> finds the lost update.</summary>
public abstract class SampleEndToEnd(FixtureSet fixture)
{
    [Fact]
    public void Sample_finds_the_lost_update_with_its_interleaving_and_passes_the_fixed_counter()
    {
        var sample = Path.Combine(fixture.RepositoryRoot, "samples", "Loom.Samples." + fixture.Framework);
        // Run in place, so nothing may be written beside the sample's sources.
        var environment = new Dictionary<string, string> { [RegressionFile.DisableVariable] = "0" };
        var build = CommandRunner.Run(sample, environment, "dotnet", "build", "-c", fixture.Configuration, "--no-dependencies", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = new VsTestRun(CommandRunner.Run(sample, environment, "dotnet",
            "test", "--no-build", "-c", fixture.Configuration, "--logger", "console;verbosity=detailed"));

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.NotEmpty(run.Failed);
        Assert.All(run.Failed, c => Assert.StartsWith(fixture.CaseName("Buggy_counter_loses_an_update", "schedule ")[..^1], c.Name));
        Assert.All(run.Failed, c => Assert.Contains("Interleaving (schedule ", c.Text));
        Assert.Contains(run.Passed, c => c.Name == fixture.CaseName("Buggy_counter_loses_an_update", "schedule 0"));
        Assert.Equal(20, run.Passed.Count(c => c.Name.StartsWith("Fixed_counter_keeps_every_update_under_pct", System.StringComparison.Ordinal)));
        Assert.Contains(run.Passed, c => c.Name.StartsWith(fixture.CaseName("Fixed_counter_keeps_every_update", "schedule ")[..^1], System.StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(sample, "*" + RegressionFile.Extension));
    }
}

[Collection(NUnitEndToEnd.Name)]
public sealed class NUnitSampleEndToEndTests(NUnitFixtures fixture) : SampleEndToEnd(fixture);

[Collection(MSTestEndToEnd.Name)]
public sealed class MSTestSampleEndToEndTests(MSTestFixtures fixture) : SampleEndToEnd(fixture);
