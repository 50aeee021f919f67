using System.Linq;
using Xunit;

namespace Loom.Xunit.Tests.EndToEnd;

/// <summary>The console-output parser the end-to-end tests read results with.</summary>
public sealed class VsTestRunTests
{
    [Fact]
    public void An_adapter_echo_that_lands_after_a_later_header_belongs_to_no_result()
    {
        // The order one real run printed: the second case's echo arrived after the first result's details began.
        const string output = """
            [xUnit.net 00:00:01.60]     Fixture.T.M [schedules 1-3 of 6] [FAIL]
              Failed Fixture.T.M [schedules 1-3 of 6] [2 ms]
              Standard Output Messages:
             Loom: 1 execution; replay of schedule 0; all passed
            [xUnit.net 00:00:01.64]     Fixture.T.M [schedules 4-6 of 6] [FAIL]
            [xUnit.net 00:00:01.64]       Output:
            [xUnit.net 00:00:01.64]         Loom: 1 execution; replay of schedule 2@2; all passed
             Loom: 1 execution; replay of schedule 2@3; failed: Exception
              Passed Fixture.T.M [schedules 4-6 of 6] [1 ms]
            Total tests: 2
            """;

        var run = new VsTestRun(new ProcessResult("dotnet test", 1, output));

        Assert.Equal(["Fixture.T.M [schedules 1-3 of 6]", "Fixture.T.M [schedules 4-6 of 6]"], run.Cases.Select(c => c.Name));
        Assert.Equal(
            ["  Standard Output Messages:", " Loom: 1 execution; replay of schedule 0; all passed", " Loom: 1 execution; replay of schedule 2@3; failed: Exception"],
            run.Cases[0].Details);
        Assert.Empty(run.Cases[1].Details);
    }

    [Fact]
    public void Results_are_read_from_standard_output_whatever_standard_error_printed_among_them()
    {
        const string standardOutput = """
              Failed Fixture.T.M [schedule 2@3] [2 ms]
              Error Message:
               Interleaving (schedule 2@3; * marks a preemption):
               Re-run exactly this schedule alone:
            Total tests: 1
                 Failed: 1
            """;
        // Read beside standard output, VSTest's closing line on standard error arrived before the result's last lines.
        var combined = standardOutput.Replace("   Re-run", "Test Run Failed.\n   Re-run", System.StringComparison.Ordinal);

        var run = new VsTestRun(new ProcessResult("dotnet test", 1, combined, standardOutput));

        var failed = Assert.Single(run.Failed);
        Assert.Contains("Re-run exactly this schedule alone:", failed.Text);
        Assert.Equal(1, run.FailedCount);
    }
}
