using System;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    /// <summary>Whether the method returns something Loom can run: void, Task or ValueTask (but not async void).</summary>
    public static bool HasSupportedReturnType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(void))
            return method.GetCustomAttribute<AsyncStateMachineAttribute>() is null;
        return typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask);
    }

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
        if (IsAsync(method))
        {
            return CaseBody.From(async () =>
            {
                var instance = await createInstance().ConfigureAwait(true);
                try
                {
                    await AwaitResult(Invoke(method, instance)).ConfigureAwait(true);
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
                Invoke(method, instance);
            }
            finally
            {
                if (instance is not null)
                    Wait(disposeInstance(instance));
            }
        });
    }

    private static bool IsAsync(MethodInfo method) => method.ReturnType != typeof(void);

    private static object? Invoke(MethodInfo method, object? instance) =>
        // DoNotWrapExceptions: the assertion the user wrote surfaces as itself, not as a TargetInvocationException.
        method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, parameters: null, culture: null);

    private static Task AwaitResult(object? result) => result switch
    {
        Task task => task,
        ValueTask valueTask => valueTask.AsTask(),
        _ => Task.CompletedTask,
    };

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
