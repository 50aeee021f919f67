using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Loom.Reporting;

/// <summary>
/// Folds the frames a recursion repeats in a stack trace, as the runtime does when it reports a stack overflow. An
/// exception thrown deep in a runaway recursion (the stack guard's) carries hundreds of thousands of identical frames:
/// printed whole, by Loom and again by the test runner, that is a hundred megabytes of output for one failing case.
/// </summary>
internal static class StackTraceFolding
{
    // A block of up to this many frames repeating is recognised: a recursion through a few methods, each its own frame.
    private const int LongestBlock = 8;

    // Fewer repeats are left as they are: a short recursion (a tree walk) reads better whole.
    private const int FewestRepeats = 4;

    /// <summary>
    /// The trace with every run of at least four repeats of the same block of frames printed once, followed by a line
    /// saying how many more times it repeats; <paramref name="trace"/> itself when nothing repeats that often.
    /// </summary>
    public static string? Fold(string? trace)
    {
        if (string.IsNullOrEmpty(trace))
            return trace;
        var lines = trace.Split('\n');
        var folded = new StringBuilder();
        var changed = false;
        var i = 0;
        while (i < lines.Length)
        {
            var (block, repeats) = LongestRun(lines, i);
            if (repeats < FewestRepeats)
            {
                Append(folded, lines[i]);
                i++;
                continue;
            }
            for (var k = 0; k < block; k++)
                Append(folded, lines[i + k]);
            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var above = block == 1 ? "the frame above repeats" : $"the {block} frames above repeat";
            Append(folded, new string(' ', indent) +
                string.Create(CultureInfo.InvariantCulture, $"... {above} {repeats - 1:N0} more times (Loom folded them) ..."));
            i += block * repeats;
            changed = true;
        }
        return changed ? folded.ToString() : trace;
    }

    /// <summary>The block length, starting at <paramref name="start"/>, that repeats over the most lines, and its repeats.</summary>
    private static (int Block, int Repeats) LongestRun(IReadOnlyList<string> lines, int start)
    {
        var best = (Block: 1, Repeats: 1);
        for (var block = 1; block <= LongestBlock && start + 2 * block <= lines.Count; block++)
        {
            var repeats = 1;
            while (start + (repeats + 1) * block <= lines.Count && SameBlock(lines, start, start + repeats * block, block))
                repeats++;
            if (repeats >= FewestRepeats && repeats * block > best.Repeats * best.Block)
                best = (block, repeats);
        }
        return best;
    }

    private static bool SameBlock(IReadOnlyList<string> lines, int first, int second, int length)
    {
        for (var k = 0; k < length; k++)
            if (!string.Equals(lines[first + k], lines[second + k], StringComparison.Ordinal))
                return false;
        return true;
    }

    private static void Append(StringBuilder folded, string line)
    {
        if (folded.Length > 0)
            folded.Append('\n');
        folded.Append(line);
    }
}
