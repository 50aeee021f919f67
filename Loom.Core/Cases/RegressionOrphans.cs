using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Loom.Cases;

/// <summary>
/// Regressions lines that name a method no <c>[LoomTheory]</c> of the assembly has (the test was deleted or renamed),
/// which would otherwise replay nothing, silently. Every theory discovered with a file reads it, so exactly one of
/// them reports its orphan lines: the file's theory whose key (<c>Namespace.Class.Method</c>) sorts first, ordinally.
/// </summary>
public static class RegressionOrphans
{
    // One scan of an assembly's theories serves the discovery of all of them.
    private static readonly ConditionalWeakTable<Assembly, IReadOnlyDictionary<string, Theory>> Catalogs = new();

    /// <summary>The orphan lines of a regressions file that this theory's discovery reports.</summary>
    /// <param name="assembly">The assembly the theory's class is in.</param>
    /// <param name="identity">The theory.</param>
    /// <param name="regressions">The regressions file the theory was discovered with.</param>
    /// <returns>The orphan lines, in file order, each with what to do; empty unless this theory reports the file's orphans.</returns>
    public static IReadOnlyList<RegressionProblem> ReportedBy(Assembly assembly, MethodIdentity identity, RegressionFileContents regressions)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(regressions);
        var theories = Catalogs.GetValue(assembly, Catalog);
        var reporter = theories
            .Where(t => t.Value.CanReport && t.Value.RegressionsPath == identity.RegressionsPath)
            .Select(t => t.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (reporter != identity.Key)
            return [];

        var orphans = new List<RegressionProblem>();
        foreach (var entry in regressions.Entries.Where(e => !theories.ContainsKey(e.MethodKey)))
        {
            var text = entry.Schedule is not null ? $"{entry.MethodKey} schedule {entry.Schedule}" : $"{entry.MethodKey} seed {entry.Seed}";
            orphans.Add(new(entry.Line, text, Orphaned(entry.MethodKey), entry.MethodKey));
        }
        foreach (var problem in regressions.Problems.Where(p => p.MethodKey is { } key && !theories.ContainsKey(key)))
            orphans.Add(problem with { Reason = $"{problem.Reason} {Orphaned(problem.MethodKey!)}" });
        return orphans.OrderBy(o => o.Line).ToList();
    }

    private static string Orphaned(string methodKey) =>
        $"No [LoomTheory] {methodKey} exists any more (deleted or renamed), so the line replays nothing. " +
        "Delete the line, or if the test was renamed, write its new Namespace.Class.Method in the line.";

    // Every theory of the assembly, by key, with the regressions file it is discovered with.
    private static IReadOnlyDictionary<string, Theory> Catalog(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type that cannot load cannot hold a theory the framework runs either.
            types = e.Types;
        }
        var theories = new Dictionary<string, Theory>(StringComparer.Ordinal);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var type in types)
        {
            // Frameworks run theories on concrete, closed classes (static ones included): the keys discovery uses.
            if (type is not { IsClass: true, ContainsGenericParameters: false } || (type.IsAbstract && !type.IsSealed))
                continue;
            foreach (var method in type.GetMethods(all))
            {
                // Attribute data first: building every attribute of the assembly could run constructors that throw.
                if (!NamesTheoryAttribute(method) && !NamesTheoryAttribute(method.GetBaseDefinition()))
                    continue;
                if (method.GetCustomAttributes(inherit: true).OfType<ILoomTheoryAttribute>().FirstOrDefault() is not { } attribute)
                    continue;
                var identity = new MethodIdentity(type.FullName ?? type.Name, method.Name, attribute.SourceFilePath);
                // A method that cannot be a theory is discovered as its problem alone, never reaching the regressions.
                theories.TryAdd(identity.Key, new(identity.RegressionsPath, TheoryMethod.Problem(method, identity) is null));
            }
        }
        return theories;
    }

    private static bool NamesTheoryAttribute(MethodInfo method) =>
        method.CustomAttributes.Any(a => typeof(ILoomTheoryAttribute).IsAssignableFrom(a.AttributeType));

    private sealed record Theory(string? RegressionsPath, bool CanReport);
}
