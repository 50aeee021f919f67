using System;
using System.Collections.Generic;
using Loom.Cases;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>Makes xUnit test cases out of Loom cases: names, unique ids, traits.</summary>
internal static class XunitCaseFactory
{
    /// <summary>
    /// Prefixed to the unique id of regression cases. xUnit's default orderer runs a class's cases in ordinal
    /// order of their unique ids, which are otherwise lowercase hex; <c>0-</c> sorts before every hex id, so
    /// regressions run first.
    /// </summary>
    public const string RegressionIdPrefix = "0-";

    public static IXunitTestCase Create(
        IXunitTestMethod testMethod,
        IFactAttribute attribute,
        string methodDisplayName,
        MethodIdentity identity,
        LoomTheorySettings settings,
        LoomCase loomCase)
    {
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in testMethod.Traits)
            traits[name] = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in loomCase.Traits(settings.EffectiveStrategy))
        {
            if (!traits.TryGetValue(name, out var set))
                traits[name] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.Add(value);
        }
        return new LoomXunitTestCase(
            testMethod,
            loomCase.DisplayName(methodDisplayName),
            UniqueId(testMethod, loomCase),
            attribute.Explicit,
            attribute.Skip,
            traits,
            identity.SourceFilePath,
            attribute.SourceLineNumber,
            attribute.Timeout,
            loomCase,
            settings);
    }

    public static IXunitTestCase Error(IXunitTestMethod testMethod, IFactAttribute attribute, string methodDisplayName, LoomCase problem) =>
        new ExecutionErrorTestCase(
            testMethod,
            problem.DisplayName(methodDisplayName),
            UniqueId(testMethod, problem),
            attribute.SourceFilePath,
            attribute.SourceLineNumber,
            problem.Problem ?? "Invalid Loom theory.");

    /// <summary>A unique id stable across discoveries of the same build: the method's id and the case's key.</summary>
    public static string UniqueId(IXunitTestMethod testMethod, LoomCase loomCase)
    {
        using var generator = new UniqueIDGenerator();
        generator.Add(testMethod.UniqueID);
        generator.Add("loom");
        generator.Add(loomCase.Key);
        var id = generator.Compute();
        return loomCase.FromRegressions ? RegressionIdPrefix + id : id;
    }
}
