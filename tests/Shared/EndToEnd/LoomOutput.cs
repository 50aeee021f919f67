using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Loom.Tests.EndToEnd;

/// <summary>Reads what Loom itself put in a runner's output: case names, failure reports and run summaries.</summary>
public static partial class LoomOutput
{
    /// <summary>The schedule id in a case name: <c>M [schedule 2@3]</c> (xUnit) or <c>M(schedule 2@3)</c> (NUnit, MSTest).</summary>
    public static string ScheduleOf(string caseName)
    {
        var match = ScheduleInName().Match(caseName);
        Assert.True(match.Success, caseName);
        return match.Groups[1].Value;
    }

    /// <summary>A failure report's interleaving table, from its heading to the replay hint.</summary>
    public static string InterleavingOf(string text)
    {
        var start = text.IndexOf("Interleaving (", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var end = text.IndexOf("Replay exactly", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>The schedules a case replayed, from the <c>Loom: ...; replay of schedule X; ...</c> lines of its own output.</summary>
    public static string[] ReplayedSchedules(VsTestRun.CaseResult result) =>
        ReplayLine().Matches(result.Text).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>A group case's range, <c>schedules 1-3 of 6</c>: groups 1, 2 and 3 are first, last and total.</summary>
    public static Match GroupRangeOf(string caseName) => GroupRange().Match(caseName);

    [GeneratedRegex(@"[\[(]schedule ([^\]),]+)")]
    private static partial Regex ScheduleInName();

    // A result's own output lines are indented; NUnit3TestAdapter also echoes output unindented before a result.
    [GeneratedRegex(@"^[ \t]+Loom: .*replay of schedule ([^;]+);", RegexOptions.Multiline)]
    private static partial Regex ReplayLine();

    [GeneratedRegex(@"schedules (\d+)-(\d+) of (\d+)")]
    private static partial Regex GroupRange();
}
