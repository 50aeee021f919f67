using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Loom.Tests.EndToEnd;

/// <summary>A <c>dotnet test</c> (VSTest) run with the detailed console logger, parsed into per-case results.</summary>
public sealed partial class VsTestRun
{
    public VsTestRun(ProcessResult result)
    {
        Result = result;
        var cases = new List<CaseResult>();
        CaseResult? current = null;
        // Standard output alone: VSTest writes "Test Run Failed." to standard error, and read beside standard output it
        // can arrive before the last result's details and cut them off.
        foreach (var raw in result.StandardOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var header = CaseHeader().Match(line);
            if (header.Success)
            {
                current = new CaseResult(header.Groups[1].Value, header.Groups[2].Value);
                cases.Add(current);
                continue;
            }
            if (line.StartsWith("Results File:", StringComparison.Ordinal) || IsSummary(line) || line.StartsWith("Test Run", StringComparison.Ordinal))
                current = null;
            // The xUnit adapter's own echo of a failure ("[xUnit.net 00:00:01.60] ...") reaches the console on its
            // own schedule and can land after a later result's header: it belongs to no result.
            if (AdapterEcho().IsMatch(line))
                continue;
            current?.Details.Add(line);
        }
        Cases = cases;
        // The detailed logger closes with "Total tests: N" and, when non-zero, "Passed: N" / "Failed: N" lines.
        Total = SummaryCount(result.StandardOutput, "Total tests");
        FailedCount = SummaryCount(result.StandardOutput, "Failed");
        PassedCount = SummaryCount(result.StandardOutput, "Passed");
    }

    public ProcessResult Result { get; }

    public IReadOnlyList<CaseResult> Cases { get; }

    public int Total { get; }

    public int FailedCount { get; }

    public int PassedCount { get; }

    public IEnumerable<CaseResult> Failed => Cases.Where(c => c.Outcome == "Failed");

    public IEnumerable<CaseResult> Passed => Cases.Where(c => c.Outcome == "Passed");

    public CaseResult Case(string displayName) =>
        Cases.SingleOrDefault(c => c.Name == displayName) ?? throw new InvalidOperationException($"No result for '{displayName}' in:\n{Result}");

    public override string ToString() => Result.ToString();

    // "  Passed Fixture.Class.Method [schedule 2@4] [5 ms]": the last bracket is the duration.
    [GeneratedRegex(@"^\s{2}(Passed|Failed|Skipped) (.+) \[[^\[\]]+\]$")]
    private static partial Regex CaseHeader();

    [GeneratedRegex(@"^\[xUnit\.net \d\d:\d\d:\d\d\.\d+\]")]
    private static partial Regex AdapterEcho();

    private static int SummaryCount(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{label}: (\d+)\s*$", RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    private static bool IsSummary(string line) => line.StartsWith("Total tests:", StringComparison.Ordinal);

    public sealed class CaseResult(string outcome, string name)
    {
        public string Outcome { get; } = outcome;

        public string Name { get; } = name;

        public List<string> Details { get; } = [];

        public string Text => string.Join('\n', Details);

        public override string ToString() => $"{Outcome} {Name}\n{Text}";
    }
}
