using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Loom.Rewriting.Driver;

/// <summary>
/// The assemblies of the test project's output that Loom does not see (docs/rewriting.md, "Code Loom did not see"):
/// package assemblies the build does not rewrite that call System.Threading, tasks, timers or the clock, or that call
/// another such assembly, except those Loom never rewrites. Rewritten code marks its calls into them, and the build
/// says for each what it calls and what to add: a warning (LOOM2001) when rewritten code calls it directly, so that
/// a theory's threads may well run it; a message when only other unrewritten code reaches it.
/// </summary>
internal sealed class UnseenAssemblies
{
    /// <summary>How many of an assembly's calls its message names; the rest are counted.</summary>
    private const int CallsNamed = 3;

    private readonly SortedDictionary<string, Unseen> _byName;

    private UnseenAssemblies(SortedDictionary<string, Unseen> byName) => _byName = byName;

    /// <summary>The names of the assemblies Loom does not see.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Whether Loom does not see the assembly named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Scans <paramref name="notRewritten"/> (the package assemblies the build leaves as they are) through <paramref name="scan"/>.</summary>
    public static UnseenAssemblies Find(IEnumerable<string> notRewritten, Func<string, AssemblyScan> scan)
    {
        var scanned = new Dictionary<string, (string Source, AssemblyScan Scan)>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in notRewritten)
        {
            // A package may bring one assembly for several runtimes (runtimes/<rid>/lib/...): the first stands for all.
            var name = Path.GetFileNameWithoutExtension(source);
            if (NeverRewritten.Reason(name) is null && !scanned.ContainsKey(name))
                scanned[name] = (source, scan(source));
        }
        var unseen = new SortedDictionary<string, Unseen>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (source, result)) in scanned.Where(s => s.Value.Scan.Calls.Count > 0))
            unseen[name] = new Unseen(name, source, result.Calls, []);
        // An assembly that calls one Loom does not see runs that code unseen too, however plain it is itself.
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (name, (source, result)) in scanned.Where(s => !unseen.ContainsKey(s.Key)))
            {
                var through = result.References.Where(unseen.ContainsKey).Order(StringComparer.OrdinalIgnoreCase).ToList();
                if (through.Count == 0)
                    continue;
                unseen[name] = new Unseen(name, source, [], through);
                grew = true;
            }
        }
        return new UnseenAssemblies(unseen);
    }

    /// <summary>
    /// Says, for each assembly, what it calls and how to rewrite it: a warning if <paramref name="calledByRewritten"/>
    /// holds its name (rewritten code calls it), otherwise a message.
    /// </summary>
    public void Report(BuildLog log, IReadOnlySet<string> calledByRewritten)
    {
        foreach (var unseen in _byName.Values)
        {
            var file = Path.GetFileName(unseen.Source);
            var item = $"<LoomRewriteAssembly Include=\"{unseen.Name}\" />";
            if (calledByRewritten.Contains(unseen.Name))
            {
                log.Warning(unseen.Source, RewriteWarnings.UnseenAssembly,
                    $"{file} is not rewritten, and it {What(unseen)}: Loom does not see what it does, so a [LoomTheory] whose threads call it " +
                    $"explores none of its interleavings, and the theory's result says so. If it is code under test, add {item} to the test project " +
                    "(or <LoomRewritePackages>all</LoomRewritePackages>); if not, <NoWarn>$(NoWarn);LOOM2001</NoWarn> silences this.");
            }
            else
            {
                log.Message($"Loom.Rewriting: {file}: not rewritten, and it {What(unseen)}; no rewritten code calls it directly ({item} rewrites it)");
            }
        }
    }

    private static string What(Unseen unseen)
    {
        if (unseen.Calls.Count == 0)
            return $"calls {And(unseen.Through)}, which Loom does not see either";
        var named = unseen.Calls.Take(CallsNamed).ToList();
        var more = unseen.Calls.Count - named.Count;
        return more > 0 ? $"calls {string.Join(", ", named)} and {more} more" : $"calls {And(named)}";
    }

    private static string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>One assembly Loom does not see.</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="Source">Its file.</param>
    /// <param name="Calls">What it calls that Loom must see.</param>
    /// <param name="Through">The other unseen assemblies it calls, when it calls nothing of the kind itself.</param>
    private sealed record Unseen(string Name, string Source, IReadOnlyList<string> Calls, IReadOnlyList<string> Through);
}
