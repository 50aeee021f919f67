using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.EndToEnd;

/// <summary>The README's main command: <c>dotnet test samples/Loom.Samples.Xunit</c> finds the lost update.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleEndToEndTests(FixtureBuild fixture)
{
    private const string Tests = "Loom.Samples.Xunit.CounterTests";

    [Fact]
    public void Sample_finds_the_lost_update_with_its_interleaving_and_passes_the_fixed_counter()
    {
        var sample = Path.Combine(fixture.RepositoryRoot, "samples", "Loom.Samples.Xunit");
        // Run in place, so nothing may be written beside the sample's sources.
        var environment = new Dictionary<string, string> { [RegressionFile.DisableVariable] = "0" };
        var build = CommandRunner.Run(sample, environment, "dotnet", "build", "-c", fixture.Configuration, "--no-dependencies", "-nologo", "-v:q");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = new VsTestRun(CommandRunner.Run(sample, environment, "dotnet",
            "test", "--no-build", "-c", fixture.Configuration, "--logger", "console;verbosity=detailed"));

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.NotEmpty(run.Failed);
        Assert.All(run.Failed, c => Assert.StartsWith($"{Tests}.Buggy_counter_loses_an_update [schedule ", c.Name));
        Assert.All(run.Failed, c => Assert.Contains("Interleaving (schedule ", c.Text));
        Assert.Contains(run.Passed, c => c.Name == $"{Tests}.Buggy_counter_loses_an_update [schedule 0]");
        Assert.Equal(20, run.Passed.Count(c => c.Name.StartsWith($"{Tests}.Fixed_counter_keeps_every_update_under_pct [seed ", StringComparison.Ordinal)));
        Assert.Contains(run.Passed, c => c.Name.StartsWith($"{Tests}.Fixed_counter_keeps_every_update [schedule ", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(sample, "*" + RegressionFile.Extension));
    }
}
