using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Interception;
using Loom.Reporting;

namespace Loom.Runtime;

/// <summary>
/// The code an execution's logical threads ran that Loom did not see (docs/rewriting.md, "Code Loom did not see"):
/// assemblies the build did not rewrite that they called into, and calls the rewriter left as written. The explorer
/// gathers every execution's into the result, whose summary then warns instead of saying only "all passed".
/// </summary>
internal sealed class UnseenCodeLog
{
    // Made on first use: every execution has a log, and almost every one stays empty.

    /// <summary>Each assembly called into, by name, with the first call's location (empty if unknown).</summary>
    private SortedDictionary<string, string>? _assemblies;

    /// <summary>Each uncontrolled call, as <c>Task.ContinueWith at Cache.cs:12</c>, in the order first seen.</summary>
    private List<string>? _uncontrolled;
    private HashSet<string>? _uncontrolledSeen;

    /// <summary>Whether nothing was recorded.</summary>
    public bool IsEmpty => _assemblies is null && _uncontrolled is null;

    /// <summary>The assemblies called into, by name, in name order.</summary>
    public IReadOnlyList<string> Assemblies => _assemblies?.Keys.ToList() ?? [];

    /// <summary>The assemblies with where each was first called, as <c>Name (called at File.cs:14)</c>.</summary>
    public IReadOnlyList<string> AssembliesWithLocations =>
        _assemblies?.Select(a => a.Value.Length == 0 ? a.Key : $"{a.Key} (called at {a.Value})").ToList() ?? [];

    /// <summary>The uncontrolled calls, in the order first seen.</summary>
    public IReadOnlyList<string> UncontrolledCalls => _uncontrolled ?? [];

    /// <summary>The warning a summary or failure report carries, or <see langword="null"/> if nothing was recorded.</summary>
    public string? Warning => UnseenCodeText.Warning(AssembliesWithLocations, Assemblies, UncontrolledCalls);

    /// <summary>Records a call into <paramref name="assembly"/>; fails the execution if the options ask for it.</summary>
    public void Called(LogicalThread me, string assembly, string? file, int line)
    {
        if (_assemblies?.ContainsKey(assembly) != true)
            AddAssembly(assembly, SourceText.Location(file, line));
        if (me.Execution.Options.FailOnUnseenCode)
        {
            throw StandIn.Uncontrolled(me,
                $"The thread called into {assembly}, which the test build did not rewrite, so Loom cannot see the shared-memory work it does " +
                $"(LoomOptions.FailOnUnseenCode is set): {UnseenCodeText.RewriteAdvice([assembly])}", file, line);
        }
    }

    /// <summary>Records a call of <paramref name="member"/> left as written; fails the execution if the options ask for it.</summary>
    public void NotControlled(LogicalThread me, string member, string? file, int line)
    {
        var location = SourceText.Location(file, line);
        AddCall(location.Length == 0 ? member : $"{member} at {location}");
        if (me.Execution.Options.FailOnUnseenCode)
        {
            throw StandIn.Uncontrolled(me,
                $"The thread called {member}, which Loom does not model yet, so it ran as written outside Loom's control " +
                "(LoomOptions.FailOnUnseenCode is set; docs/rewriting.md, \"Not intercepted yet\")", file, line);
        }
    }

    /// <summary>Adds everything <paramref name="other"/> recorded.</summary>
    public void Add(UnseenCodeLog other)
    {
        if (other._assemblies is not null)
        {
            foreach (var (assembly, location) in other._assemblies)
                AddAssembly(assembly, location);
        }
        foreach (var call in other.UncontrolledCalls)
            AddCall(call);
    }

    private void AddAssembly(string assembly, string location) =>
        (_assemblies ??= new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase)).TryAdd(assembly, location);

    private void AddCall(string call)
    {
        if ((_uncontrolledSeen ??= new HashSet<string>(StringComparer.Ordinal)).Add(call))
            (_uncontrolled ??= new List<string>()).Add(call);
    }
}
