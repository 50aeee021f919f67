using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// The data rows of a theory: one per Loom case, the case's text as the only value (MSTest serializes it, so a test
/// selected in an IDE runs exactly its case), with the display name and categories the case gives it. Rows keep
/// stable positions (<see cref="CaseOrder.StablePositions"/>) because MSTest's test ids are row positions.
/// </summary>
internal static class MSTestCaseSource
{
    public static IEnumerable<object?[]> Rows(LoomTheoryAttribute attribute, MethodInfo methodInfo)
    {
        ArgumentNullException.ThrowIfNull(methodInfo);
        var (method, testClass) = Resolve(methodInfo);
        var identity = attribute.Identity(testClass, method.Name);
        var settings = attribute.ToSettings();
        IReadOnlyList<LoomCase> cases;
        try
        {
            cases = MSTestLifecycle.WhyNotSupported(method, identity) is { } unsupported
                ? [LoomCase.ForProblem(unsupported)]
                : CaseDiscovery.Discover(
                    method,
                    testClass,
                    identity,
                    settings,
                    () => MSTestLifecycle.WhyNotListable(method, testClass),
                    () => MSTestLifecycle.Body(method, testClass, new DiscoveryTestContext()),
                    CaseOrder.StablePositions);
        }
        catch (Exception e)
        {
            cases = [LoomCase.ForProblem($"Loom could not discover the cases of {identity.Key}: {e}")];
        }

        return RowsFor(cases, attribute.DisplayName ?? method.Name, settings);
    }

    /// <summary>
    /// The rows for a theory's cases. A theory with no case in this run's shard (<see cref="CaseShard"/>) is one
    /// ignored row, because MSTest fails a data source that returns no rows.
    /// </summary>
    public static IEnumerable<object?[]> RowsFor(IReadOnlyList<LoomCase> cases, string methodName, LoomTheorySettings settings)
    {
        if (cases.Count == 0)
        {
            var shard = Environment.GetEnvironmentVariable(CaseShard.Variable);
            var why = $"No case of {methodName} is in shard {shard} ({CaseShard.Variable}); the other shards run its cases.";
            return
            [
                [
                    new TestDataRow<string>(LoomCase.ForProblem(why, "not in shard").ToText())
                    {
                        DisplayName = $"{methodName} [not in shard {shard}]",
                        IgnoreMessage = why,
                    },
                ],
            ];
        }
        return cases.Select(c => new object?[]
        {
            new TestDataRow<string>(c.ToText())
            {
                DisplayName = c.DisplayName(methodName),
                TestCategories = c.Kind == LoomCaseKind.Invalid ? null : c.Categories(settings.EffectiveStrategy).ToList(),
            },
        }).ToArray();
    }

    public static string? DisplayName(LoomTheoryAttribute attribute, MethodInfo methodInfo, object?[]? data)
    {
        if (data is not [string text] || !TryParse(text, out var loomCase))
            return null;
        return loomCase.DisplayName(attribute.DisplayName ?? methodInfo.Name);
    }

    public static bool TryParse(string text, out LoomCase loomCase)
    {
        try
        {
            loomCase = LoomCase.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            loomCase = null!;
            return false;
        }
    }

    /// <summary>
    /// The real method and the class MSTest runs it on. MSTest hands data sources a wrapper of the method; the
    /// class is the one it was reflected from, which may derive from the declaring class.
    /// </summary>
    public static (MethodInfo Method, Type TestClass) Resolve(MethodInfo methodInfo)
    {
        var testClass = methodInfo.ReflectedType ?? methodInfo.DeclaringType!;
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var method = testClass.GetMethod(methodInfo.Name, flags, binder: null, Type.EmptyTypes, modifiers: null) ?? methodInfo;
        return (method, testClass);
    }
}
