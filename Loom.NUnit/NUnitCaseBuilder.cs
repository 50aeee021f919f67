using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Loom.NUnit;

/// <summary>
/// Builds NUnit tests out of a theory's Loom cases: names in NUnit's parenthesized style, filter-safe properties,
/// the case carried in a hidden property, and problems as non-runnable tests that say what is wrong.
/// </summary>
internal static class NUnitCaseBuilder
{
    /// <summary>The hidden property that carries a test's Loom case (NUnit hides properties that start with '_').</summary>
    public const string CaseProperty = "_LoomCase";

    public static IEnumerable<TestMethod> Build(LoomTheoryAttribute attribute, IMethodInfo method, Test? suite)
    {
        var testClass = method.TypeInfo.Type;
        var identity = new MethodIdentity(testClass.FullName ?? testClass.Name, method.Name, attribute.SourceFilePath);
        IReadOnlyList<LoomCase> cases;
        var settings = attribute.ToSettings();
        try
        {
            cases = CaseDiscovery.Discover(
                method.MethodInfo,
                testClass,
                identity,
                settings,
                () => NUnitLifecycle.WhyNotListable(method.MethodInfo, testClass, suite),
                () => NUnitLifecycle.DiscoveryBody(method.MethodInfo, testClass),
                CaseOrder.RegressionsFirst);
        }
        catch (Exception e)
        {
            cases = [LoomCase.ForProblem($"Loom could not discover the cases of {identity.Key}: {e}")];
        }

        return BuildTests(cases, settings, method, suite);
    }

    /// <summary>The tests for a theory's cases; one ignored test when this run's shard has none of them.</summary>
    public static IReadOnlyList<TestMethod> BuildTests(IReadOnlyList<LoomCase> cases, LoomTheorySettings settings, IMethodInfo method, Test? suite)
    {
        var builder = new NUnitTestCaseBuilder();
        if (cases.Count == 0)
            return [NotInShard(builder, method, suite)];

        var tests = new List<TestMethod>(cases.Count);
        foreach (var loomCase in cases)
            tests.Add(BuildOne(builder, method, suite, settings, loomCase));
        return tests;
    }

    /// <summary>
    /// The one ignored test of a theory with no case in this run's shard (<see cref="CaseShard"/>): given no test,
    /// NUnit would run the method once as a plain test, outside Loom.
    /// </summary>
    private static TestMethod NotInShard(NUnitTestCaseBuilder builder, IMethodInfo method, Test? suite)
    {
        var shard = Environment.GetEnvironmentVariable(CaseShard.Variable);
        var parameters = new TestCaseParameters(Array.Empty<object>()) { TestName = $"{method.Name}(not in shard {shard})" };
        var test = builder.BuildTestMethod(method, suite, parameters);
        test.RunState = RunState.Ignored;
        test.Properties.Set(PropertyNames.SkipReason, $"No case of {method.Name} is in shard {shard} ({CaseShard.Variable}); the other shards run its cases.");
        return test;
    }

    private static TestMethod BuildOne(NUnitTestCaseBuilder builder, IMethodInfo method, Test? suite, LoomTheorySettings settings, LoomCase loomCase)
    {
        var parameters = new TestCaseParameters(Array.Empty<object>())
        {
            TestName = loomCase.DisplayName(method.Name, CaseNameStyle.Parenthesized),
        };
        if (loomCase.Kind != LoomCaseKind.Invalid)
        {
            // NUnit3TestAdapter's --filter splits values at whitespace: properties hold the filter-safe spelling.
            foreach (var (name, value) in loomCase.Traits(settings.EffectiveStrategy, filterSafe: true))
                parameters.Properties.Add(name, value);
            parameters.Properties.Set(CaseProperty, loomCase.ToText());
        }
        var test = builder.BuildTestMethod(method, suite, parameters);
        if (loomCase.Kind == LoomCaseKind.Invalid)
        {
            // Set, not added: NUnit may already have its own reason (a method with parameters has no arguments).
            test.RunState = RunState.NotRunnable;
            test.Properties.Set(PropertyNames.SkipReason, loomCase.Problem ?? "Invalid Loom theory.");
        }
        return test;
    }
}
