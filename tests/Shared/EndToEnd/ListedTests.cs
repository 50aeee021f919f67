using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Loom.Tests.EndToEnd;

/// <summary>The display names a runner's <c>--list-tests</c> printed (VSTest, or a Microsoft.Testing.Platform application).</summary>
public sealed class ListedTests
{
    private ListedTests(ProcessResult result, IReadOnlyList<string> names)
    {
        Result = result;
        Names = names;
    }

    public ProcessResult Result { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The cases of one method, by display name: <c>Method(...)</c>, <c>Method [...]</c> or the bare method.</summary>
    public IReadOnlyList<string> For(string method) =>
        Names.Where(n => n == method || n.StartsWith(method + "(", StringComparison.Ordinal) || n.StartsWith(method + " [", StringComparison.Ordinal)).ToArray();

    public static ListedTests FromVsTest(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith("The following Tests are available:", StringComparison.Ordinal));
        Assert.True(start >= 0, result.ToString());
        return new(result, lines.Skip(start + 1).Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray());
    }

    public static ListedTests FromMtp(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var names = result.Output.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            // Names are indented by two spaces; the platform's own lines ("Test discovery summary: ...") carry a colon.
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && !l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
        return new(result, names);
    }
}
