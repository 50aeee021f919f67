using System;
using System.Reflection;
using System.Threading.Tasks;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit;

/// <summary>
/// Builds the body Loom runs for one execution of a test method: a fresh test class instance, the method, and
/// the instance's disposal, every time.
/// </summary>
internal static class ExecutionBody
{
    /// <summary>Whether discovery can run the method to list its schedules: it must be able to build the class alone.</summary>
    public static bool CanRunAtDiscovery(MethodInfo method, Type testClass, out string why)
    {
        why = "";
        if (method.IsStatic)
            return true;
        if (testClass.IsAbstract)
        {
            why = $"the test class {testClass.Name} is abstract";
            return false;
        }
        if (testClass.GetConstructor(Type.EmptyTypes) is null)
        {
            why = $"the test class {testClass.Name} has no public parameterless constructor (its fixtures and ITestOutputHelper exist only when tests run), so discovery cannot run the model to list its schedules";
            return false;
        }
        return true;
    }

    /// <summary>The body discovery runs: the class is built with its parameterless constructor.</summary>
    public static CaseBody ForDiscovery(MethodInfo method, Type testClass) =>
        Create(method, () => new ValueTask<object?>(method.IsStatic ? null : CreateAlone(testClass)), DisposeAsync);

    /// <summary>The body a test run uses: the runner's own construction and disposal, with fixtures and output.</summary>
    public static CaseBody Create(MethodInfo method, Func<ValueTask<object?>> createInstance, Func<object, ValueTask> disposeInstance)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (TheoryMethod.IsAsync(method))
        {
            return CaseBody.From(async () =>
            {
                var instance = await createInstance().ConfigureAwait(true);
                try
                {
                    await TheoryMethod.Invoke(method, instance).ConfigureAwait(true);
                }
                finally
                {
                    if (instance is not null)
                        await disposeInstance(instance).ConfigureAwait(true);
                }
            });
        }
        return CaseBody.From(() =>
        {
            var instance = Wait(createInstance());
            try
            {
                TheoryMethod.Invoke(method, instance);
            }
            finally
            {
                if (instance is not null)
                    Wait(disposeInstance(instance));
            }
        });
    }

    private static object CreateAlone(Type testClass)
    {
        var instance = testClass.GetConstructor(Type.EmptyTypes)!.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, parameters: [], culture: null);
        if (instance is IAsyncLifetime lifetime)
            Wait(lifetime.InitializeAsync());
        return instance;
    }

    private static ValueTask DisposeAsync(object instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
            return asyncDisposable.DisposeAsync();
        (instance as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
            task.AsTask().GetAwaiter().GetResult();
    }
}
