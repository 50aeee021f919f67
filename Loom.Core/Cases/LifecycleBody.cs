using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Loom.Cases;

/// <summary>
/// Builds the body discovery runs to list an exhaustive theory's schedules, for frameworks whose per-test
/// lifecycle is a set of marked methods (NUnit's <c>[SetUp]</c>/<c>[TearDown]</c>, MSTest's
/// <c>[TestInitialize]</c>/<c>[TestCleanup]</c>): every execution builds a fresh instance, runs the set-up
/// methods, the test method, the clean-up methods, and disposes the instance, as a test run does. The listing is
/// only as faithful as this body, which is why each adapter refuses to list (and explores everything in one case)
/// when the class needs something only a test run provides.
/// </summary>
public static class LifecycleBody
{
    /// <summary>Why a test class cannot be built alone with its parameterless constructor, or <see langword="null"/>.</summary>
    /// <param name="testClass">The test class.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public static string? WhyNotConstructible(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        if (testClass.IsAbstract && testClass.IsSealed)
            return null; // a static class: its methods need no instance
        if (testClass.IsAbstract)
            return $"the test class {testClass.Name} is abstract";
        if (testClass.ContainsGenericParameters)
            return $"the test class {testClass.Name} is generic";
        if (testClass.GetConstructor(Type.EmptyTypes) is null)
            return $"the test class {testClass.Name} has no public parameterless constructor, so discovery cannot build it to list the schedules";
        return null;
    }

    /// <summary>The body: per execution, a fresh instance, set-up, the method, clean-up, disposal.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="createInstance">Builds a fresh instance (ignored for a static method).</param>
    /// <param name="before">Set-up methods, in the order the framework runs them.</param>
    /// <param name="after">Clean-up methods, in the order the framework runs them; they run even when the test fails.</param>
    /// <returns>A synchronous body when nothing in it is asynchronous, otherwise an asynchronous one.</returns>
    public static CaseBody Create(MethodInfo method, Func<object?> createInstance, IReadOnlyList<MethodInfo> before, IReadOnlyList<MethodInfo> after) =>
        Create(method, createInstance, before, after, static _ => null);

    /// <summary>The body: per execution, a fresh instance, set-up, the method, clean-up, disposal.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="createInstance">Builds a fresh instance (ignored for a static method).</param>
    /// <param name="before">Set-up methods, in the order the framework runs them.</param>
    /// <param name="after">Clean-up methods, in the order the framework runs them; they run even when the test fails.</param>
    /// <param name="arguments">The arguments of a set-up or clean-up method (for example a test context), or <see langword="null"/> for none.</param>
    /// <returns>A synchronous body when nothing in it is asynchronous, otherwise an asynchronous one.</returns>
    public static CaseBody Create(
        MethodInfo method,
        Func<object?> createInstance,
        IReadOnlyList<MethodInfo> before,
        IReadOnlyList<MethodInfo> after,
        Func<MethodInfo, object?[]?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(createInstance);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!new[] { method }.Concat(before).Concat(after).Any(TheoryMethod.IsAsync))
        {
            return CaseBody.From(() =>
            {
                var instance = method.IsStatic ? null : createInstance();
                try
                {
                    foreach (var setUp in before)
                        TheoryMethod.Invoke(setUp, instance, arguments(setUp));
                    TheoryMethod.Invoke(method, instance);
                }
                finally
                {
                    foreach (var cleanUp in after)
                        TheoryMethod.Invoke(cleanUp, instance, arguments(cleanUp));
                    (instance as IDisposable)?.Dispose();
                }
            });
        }
        return CaseBody.From(async () =>
        {
            var instance = method.IsStatic ? null : createInstance();
            try
            {
                foreach (var setUp in before)
                    await TheoryMethod.Invoke(setUp, instance, arguments(setUp)).ConfigureAwait(true);
                await TheoryMethod.Invoke(method, instance).ConfigureAwait(true);
            }
            finally
            {
                foreach (var cleanUp in after)
                    await TheoryMethod.Invoke(cleanUp, instance, arguments(cleanUp)).ConfigureAwait(true);
                if (instance is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync().ConfigureAwait(true);
                else
                    (instance as IDisposable)?.Dispose();
            }
        });
    }

    /// <summary>Builds an instance with its public parameterless constructor, exceptions unwrapped.</summary>
    /// <param name="testClass">The test class.</param>
    /// <returns>The instance.</returns>
    public static object Construct(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return testClass.GetConstructor(Type.EmptyTypes)!.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, parameters: [], culture: null);
    }
}
