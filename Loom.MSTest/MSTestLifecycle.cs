using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// What MSTest runs around a test, as discovery needs to know it to list a theory's schedules faithfully: the
/// class's [TestInitialize] and [TestCleanup] methods and its TestContext, and whatever one-time initialization
/// makes running the body at discovery unfaithful (then the theory is one test that explores everything).
/// </summary>
internal static class MSTestLifecycle
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Discovery asks once per theory, and each execution needs the hooks; an assembly's methods do not change.
    private static readonly ConcurrentDictionary<Assembly, string?> AssemblyInitializers = new();
    private static readonly ConcurrentDictionary<Assembly, (MethodInfo[] Initialize, MethodInfo[] Cleanup)> GlobalHooks = new();

    /// <summary>Why discovery cannot run the theory to list its schedules, or <see langword="null"/>.</summary>
    public static string? WhyNotListable(MethodInfo method, Type testClass)
    {
        if (method.IsDefined(typeof(IgnoreAttribute), inherit: true) || testClass.IsDefined(typeof(IgnoreAttribute), inherit: true))
            return "the theory is ignored";
        if (FindMethods(testClass, typeof(ClassInitializeAttribute)).Count > 0)
            return $"the class {testClass.Name} (or a base class) has a [ClassInitialize] method, which discovery does not run";
        if (AssemblyInitializers.GetOrAdd(testClass.Assembly, FindAssemblyInitializer) is { } initializer)
            return $"the test assembly has {initializer}, which discovery does not run";
        if (method.IsStatic)
            return null;
        if (Constructor(testClass) is null)
            return $"the test class {testClass.Name} has no public constructor taking nothing or a TestContext, so discovery cannot build it to list the schedules";
        return testClass.IsAbstract ? $"the test class {testClass.Name} is abstract" : null;
    }

    /// <summary>Why the theory cannot run under Loom at all, or <see langword="null"/>.</summary>
    public static string? WhyNotSupported(MethodInfo method, MethodIdentity identity) =>
        method.IsDefined(typeof(TimeoutAttribute), inherit: true)
            ? $"[LoomTheory] on {identity.ShortName}: [Timeout] would run each execution on another thread, outside Loom's control. " +
              "Remove [Timeout]; Loom bounds every execution with MaxSteps and reports a livelock when it is exceeded."
            : null;

    /// <summary>
    /// The body of one execution, as MSTest runs a test: a fresh instance given the test context (constructor
    /// parameter or TestContext property), [GlobalTestInitialize] and [TestInitialize] (base class first), the
    /// method, [TestCleanup] (derived first) and [GlobalTestCleanup], disposal. Discovery passes a context that
    /// discards what it is told; a test run passes the test's own.
    /// </summary>
    public static CaseBody Body(MethodInfo method, Type testClass, TestContext context)
    {
        var (globalInitialize, globalCleanup) = GlobalHooks.GetOrAdd(testClass.Assembly, FindGlobalHooks);
        return LifecycleBody.Create(
            method,
            () => Create(testClass, context),
            [.. globalInitialize, .. FindMethods(testClass, typeof(TestInitializeAttribute))],
            [.. FindMethods(testClass, typeof(TestCleanupAttribute)).Reverse(), .. globalCleanup],
            hook => hook.GetParameters().Length == 1 ? [context] : null);
    }

    /// <summary>Whether the method and every set-up and clean-up method around it are synchronous.</summary>
    public static bool IsSynchronous(MethodInfo method, Type testClass)
    {
        var (globalInitialize, globalCleanup) = GlobalHooks.GetOrAdd(testClass.Assembly, FindGlobalHooks);
        MethodInfo[] all = [method, .. globalInitialize, .. globalCleanup, .. FindMethods(testClass, typeof(TestInitializeAttribute)), .. FindMethods(testClass, typeof(TestCleanupAttribute))];
        return !all.Any(TheoryMethod.IsAsync) && !typeof(IAsyncDisposable).IsAssignableFrom(testClass);
    }

    private static object Create(Type testClass, TestContext context)
    {
        var constructor = Constructor(testClass) ?? throw new InvalidOperationException($"The test class {testClass.Name} has no public constructor taking nothing or a TestContext.");
        var instance = constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, constructor.GetParameters().Length == 0 ? [] : [context], culture: null);
        if (testClass.GetProperty("TestContext", BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } property && property.PropertyType.IsInstanceOfType(context))
            property.SetValue(instance, context);
        return instance;
    }

    private static ConstructorInfo? Constructor(Type testClass) =>
        testClass.GetConstructor(Type.EmptyTypes) ?? testClass.GetConstructor([typeof(TestContext)]);

    /// <summary>Methods marked with an attribute, base class first, as MSTest orders initialize methods.</summary>
    private static IReadOnlyList<MethodInfo> FindMethods(Type testClass, Type attribute)
    {
        var chain = new List<Type>();
        for (var type = testClass; type is not null && type != typeof(object); type = type.BaseType)
            chain.Add(type);
        chain.Reverse();
        return chain.SelectMany(t => t.GetMethods(Declared).Where(m => m.IsDefined(attribute, inherit: false))).ToArray();
    }

    private static string? FindAssemblyInitializer(Assembly assembly)
    {
        foreach (var method in AllMethods(assembly))
        {
            if (method.IsDefined(typeof(AssemblyInitializeAttribute), inherit: false))
                return $"an [AssemblyInitialize] method ({method.DeclaringType?.Name}.{method.Name})";
        }
        return null;
    }

    private static (MethodInfo[] Initialize, MethodInfo[] Cleanup) FindGlobalHooks(Assembly assembly)
    {
        var methods = AllMethods(assembly).ToArray();
        return (
            methods.Where(m => m.IsStatic && m.IsDefined(typeof(GlobalTestInitializeAttribute), inherit: false)).ToArray(),
            methods.Where(m => m.IsStatic && m.IsDefined(typeof(GlobalTestCleanupAttribute), inherit: false)).ToArray());
    }

    private static IEnumerable<MethodInfo> AllMethods(Assembly assembly)
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
        return types.SelectMany(t => t.GetMethods(Declared));
    }
}
