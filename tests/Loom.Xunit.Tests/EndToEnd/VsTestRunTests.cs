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
}
