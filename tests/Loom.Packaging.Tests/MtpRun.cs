using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Loom.Packaging.Tests;

/// <summary>
/// A Microsoft.Testing.Platform run (<c>dotnet test</c> in that mode, with <c>--output detailed</c>) parsed into
/// per-case outcomes and the closing counts.
/// </summary>
public sealed partial class MtpRun
{
    public MtpRun(ProcessResult result)
    {
        Result = result;
        Cases = CaseLine().Matches(result.Output).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
        Total = Count("total");
        Failed = Count("failed");
        Succeeded = Count("succeeded");
    }

    public ProcessResult Result { get; }

    /// <summary>Every case the run reported, in order: <c>("passed", "Racy_increments [schedule 0]")</c>.</summary>
    public IReadOnlyList<(string Outcome, string Name)> Cases { get; }

    public int? Total { get; }

    public int? Failed { get; }

    public int? Succeeded { get; }

    public IEnumerable<string> Named(string outcome) => Cases.Where(c => c.Outcome == outcome).Select(c => c.Name);

    public override string ToString() => Result.ToString();

    // "failed Racy_increments [schedule 2@3] (17ms)": the last parenthesis, starting with a digit, is the duration.
    [GeneratedRegex(@"^(passed|failed|skipped) (.+) \(\d[^()]*\)\r?$", RegexOptions.Multiline)]
    private static partial Regex CaseLine();

    private int? Count(string label)
    {
        var match = Regex.Match(Result.Output, $@"^\s+{label}: (\d+)\s*$", RegexOptions.Multiline | RegexOptions.RightToLeft);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }
}
