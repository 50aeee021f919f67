using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Loom.Cases;

/// <summary>
/// What every adapter checks and does with a <c>[LoomTheory]</c> method, whatever the framework: whether it can
/// be a theory at all, and how to invoke it and await what it returns.
/// </summary>
public static class TheoryMethod
{
    /// <summary>
    /// Why the method cannot be a Loom theory (it takes parameters, is generic, or returns something other than
    /// void, Task or ValueTask, or is async void), or <see langword="null"/> when it can.
    /// </summary>
    /// <param name="method">The test method.</param>
    /// <param name="identity">The method as cases name it, for the message.</param>
    /// <returns>A sentence naming the method and the fix, or <see langword="null"/>.</returns>
    public static string? Problem(MethodInfo method, MethodIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(identity);
        if (method.GetParameters().Length != 0)
            return $"[LoomTheory] on {identity.ShortName}: the method takes parameters, but a Loom theory's cases are its schedules and seeds, not data rows; remove the parameters.";
        if (method.IsGenericMethodDefinition)
            return $"[LoomTheory] on {identity.ShortName}: the method is generic; Loom theories cannot be generic.";
        if (!HasSupportedReturnType(method))
            return $"[LoomTheory] on {identity.ShortName}: the method returns {method.ReturnType.Name}; a Loom theory returns void, Task or ValueTask (async void cannot be awaited).";
        return null;
    }

    /// <summary>Whether the method returns something Loom can run: void, Task or ValueTask (but not async void).</summary>
    /// <param name="method">The test method.</param>
    /// <returns>Whether it can be run.</returns>
    public static bool HasSupportedReturnType(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReturnType;
        if (type == typeof(void))
            return method.GetCustomAttribute<AsyncStateMachineAttribute>() is null;
        return typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask);
    }

    /// <summary>Whether the method returns a task Loom must await.</summary>
    /// <param name="method">The test method.</param>
    /// <returns><see langword="true"/> for Task and ValueTask.</returns>
    public static bool IsAsync(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.ReturnType != typeof(void);
    }

    /// <summary>
    /// Invokes a parameterless method. Exceptions surface as thrown by the method, not wrapped in a
    /// <see cref="TargetInvocationException"/>, so the assertion the user wrote is what Loom reports.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">The instance, or <see langword="null"/> for a static method.</param>
    /// <returns>The task the method returned (a completed task for a synchronous method).</returns>
    public static Task Invoke(MethodInfo method, object? instance) => Invoke(method, instance, null);

    /// <summary>
    /// Invokes a method with arguments. Exceptions surface as thrown by the method, not wrapped in a
    /// <see cref="TargetInvocationException"/>.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">The instance, or <see langword="null"/> for a static method.</param>
    /// <param name="arguments">The arguments, or <see langword="null"/> for none.</param>
    /// <returns>The task the method returned (a completed task for a synchronous method).</returns>
    public static Task Invoke(MethodInfo method, object? instance, object?[]? arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        var result = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, parameters: arguments, culture: null);
        return result switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            _ => Task.CompletedTask,
        };
    }
}
