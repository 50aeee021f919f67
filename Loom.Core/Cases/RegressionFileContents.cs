using System.Collections.Generic;
using System.Linq;

namespace Loom.Cases;

/// <summary>What a regressions file holds: its readable entries and the lines it could not read.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Entries">The entries, in file order.</param>
/// <param name="Problems">The malformed lines, in file order.</param>
public sealed record RegressionFileContents(string Path, IReadOnlyList<RegressionEntry> Entries, IReadOnlyList<RegressionProblem> Problems)
{
    /// <summary>The entries for one method.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <returns>The entries, in file order.</returns>
    public IEnumerable<RegressionEntry> For(string methodKey) => Entries.Where(e => e.MethodKey == methodKey);

    /// <summary>
    /// The problems that concern one method: lines that name it, and lines too malformed to name any method
    /// (those are reported by every theory that reads the file, so none can miss them).
    /// </summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <returns>The problems, in file order.</returns>
    public IEnumerable<RegressionProblem> ProblemsFor(string methodKey) =>
        Problems.Where(p => p.MethodKey is null || p.MethodKey == methodKey);
}
