using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Loom.NUnit;

/// <summary>
/// What NUnit runs around a test, as discovery needs to know it to list a theory's schedules faithfully: the
/// fixture's [SetUp] and [TearDown] methods, and whatever one-time set-up makes running the body at discovery
/// unfaithful (then the theory is one case that explores everything when the tests run).
/// </summary>
internal static class NUnitLifecycle
{
    // Building tests asks once per theory; an assembly's [SetUpFixture] classes do not change.
    private static readonly ConcurrentDictionary<Assembly, Type[]> SetUpFixturesByAssembly = new();

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Why discovery cannot run the theory to list its schedules, or <see langword="null"/>.</summary>
    public static string? WhyNotListable(MethodInfo method, Type testClass, Test? suite)
    {
        if (method.IsDefined(typeof(IgnoreAttribute), inherit: true) || testClass.IsDefined(typeof(IgnoreAttribute), inherit: true))
            return "the theory is ignored";
        if (suite is TestFixture { Arguments.Length: > 0 })
            return $"the fixture {testClass.Name} takes arguments ([TestFixture(...)]), which exist only when the tests run";
        if (FindMethods(testClass, typeof(OneTimeSetUpAttribute)).Count > 0)
            return $"the fixture {testClass.Name} has a [OneTimeSetUp] method, which discovery does not run";
        if (SetUpFixtureAbove(testClass) is { } setUpFixture)
            return $"the [SetUpFixture] {setUpFixture.Name} prepares the tests of its namespace, and discovery does not run it";
        if (method.IsStatic)
            return null;
        return LifecycleBody.WhyNotConstructible(testClass);
    }

    /// <summary>The body discovery runs: a fresh instance, [SetUp] (base class first), the method, [TearDown] (derived first).</summary>
    public static CaseBody DiscoveryBody(MethodInfo method, Type testClass) =>
        LifecycleBody.Create(
            method,
            () => LifecycleBody.Construct(testClass),
            FindMethods(testClass, typeof(SetUpAttribute)),
            FindMethods(testClass, typeof(TearDownAttribute)).Reverse().ToArray());

    /// <summary>Methods marked with an attribute, base class first, as NUnit orders set-up methods.</summary>
    private static IReadOnlyList<MethodInfo> FindMethods(Type testClass, Type attribute)
    {
        var chain = new List<Type>();
        for (var type = testClass; type is not null && type != typeof(object); type = type.BaseType)
            chain.Add(type);
        chain.Reverse();
        return chain.SelectMany(t => t.GetMethods(Declared).Where(m => m.IsDefined(attribute, inherit: false))).ToArray();
    }

    private static Type? SetUpFixtureAbove(Type testClass)
    {
        var ns = testClass.Namespace ?? "";
        foreach (var type in SetUpFixtures(testClass.Assembly))
        {
            var fixtureNamespace = type.Namespace ?? "";
            if (fixtureNamespace.Length == 0 || ns == fixtureNamespace || ns.StartsWith(fixtureNamespace + ".", StringComparison.Ordinal))
                return type;
        }
        return null;
    }

    private static IEnumerable<Type> SetUpFixtures(Assembly assembly) => SetUpFixturesByAssembly.GetOrAdd(assembly, FindSetUpFixtures);

    private static Type[] FindSetUpFixtures(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        return types.Where(t => t.IsDefined(typeof(SetUpFixtureAttribute), inherit: false)).ToArray();
    }
}
