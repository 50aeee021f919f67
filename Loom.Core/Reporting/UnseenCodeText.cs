using System.Collections.Generic;
using System.Linq;

namespace Loom.Reporting;

/// <summary>
/// The warning a run's summary and failure report carry when its threads ran code Loom did not see
/// (docs/rewriting.md, "Code Loom did not see"): which assemblies were not rewritten and which calls ran as written,
/// with the property that rewrites an assembly.
/// </summary>
internal static class UnseenCodeText
{
    /// <summary>The most uncontrolled calls the warning names; the rest are counted.</summary>
    private const int MaxCallsNamed = 5;

    /// <summary>
    /// The warning (a clause starting "the threads ran code Loom did not see") for <paramref name="assemblies"/> (each as <c>Name (called at File.cs:14)</c>,
    /// <paramref name="names"/> the bare names) and <paramref name="calls"/>; <see langword="null"/> if both are empty.
    /// </summary>
    public static string? Warning(IReadOnlyList<string> assemblies, IReadOnlyList<string> names, IReadOnlyList<string> calls)
    {
        if (assemblies.Count == 0 && calls.Count == 0)
            return null;
        var parts = new List<string>();
        if (assemblies.Count > 0)
            parts.Add($"{And(assemblies)} {(assemblies.Count == 1 ? "was" : "were")} not rewritten: {RewriteAdvice(names)}");
        if (calls.Count > 0)
        {
            var named = calls.Take(MaxCallsNamed).ToList();
            var more = calls.Count - named.Count;
            parts.Add($"not controlled (no model yet, they ran as written): {string.Join(", ", named)}{(more > 0 ? $" and {more} more" : "")}");
        }
        return "the threads ran code Loom did not see, whose interleavings were not explored: " +
            string.Join("; ", parts) + " (docs/rewriting.md, \"Code Loom did not see\")";
    }

    /// <summary>What to add to the test project so that <paramref name="assemblies"/> are rewritten.</summary>
    public static string RewriteAdvice(IReadOnlyList<string> assemblies) =>
        $"add {And(assemblies.Select(a => $"<LoomRewriteAssembly Include=\"{a}\" />").ToList())} to the test project " +
        "(or <LoomRewritePackages>all</LoomRewritePackages> to rewrite every package)";

    private static string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
