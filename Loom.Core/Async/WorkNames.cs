using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Async;

/// <summary>Names queued work for traces: the async method a continuation resumes, or the delegate a task runs.</summary>
internal static class WorkNames
{
    [ThreadStatic]
    private static Delegate? t_nextTask;

    /// <summary>The continuation name of each state machine box type seen so far (<see langword="null"/> for none).</summary>
    private static readonly ConcurrentDictionary<Type, string?> s_stateMachines = new();

    public static string Of(SendOrPostCallback callback, object? state) => state switch
    {
        Delegate continuation => Describe(continuation),
        not null when ContinuationOf(state.GetType()) is { } name => name,
        _ => Describe(callback),
    };

    /// <summary>The name the caller gave the task it is about to start (<see cref="NameNextTask"/>), or its id.</summary>
    public static WorkName Of(Task task)
    {
        var work = t_nextTask;
        t_nextTask = null;
        return work is null ? WorkName.OfTask(task) : WorkName.OfTask(work);
    }

    /// <summary>Names the next task this OS thread queues after the delegate it runs (when the name is first shown).</summary>
    public static void NameNextTask(Delegate work) => t_nextTask = work;

    /// <summary>Forgets the name <see cref="NameNextTask"/> gave, if no task took it (a task started canceled is never queued).</summary>
    public static void ForgetNextTask() => t_nextTask = null;

    /// <summary>A task's name: the method its delegate runs, or for a lambda the method that wrote it.</summary>
    public static string TaskName(Delegate work) => Describe(work) is var d && d.StartsWith("work in ", StringComparison.Ordinal) ? d[8..] : d;

    /// <summary>
    /// The method a delegate resumes. An await's continuation targets the compiler's state machine box, whose
    /// state machine type is named after the async method (<c>&lt;RenewLease&gt;d__4</c>).
    /// </summary>
    public static string Describe(Delegate callback)
    {
        if (callback.Target is { } target && ContinuationOf(target.GetType()) is { } name)
            return name;
        return MethodOf(callback.Method.Name) is { } lambdaOwner ? $"work in {lambdaOwner}" : callback.Method.Name;
    }

    /// <summary>
    /// <c>continuation of</c> the async method whose state machine a runtime box type carries as a generic argument,
    /// if any.
    /// </summary>
    private static string? ContinuationOf(Type type)
    {
        if (!type.IsGenericType)
            return null;
        // Every continuation asks; reflection over the generic arguments is the cost of a step, so remember the answer.
        if (s_stateMachines.TryGetValue(type, out var known))
            return known;
        string? found = null;
        foreach (var argument in type.GetGenericArguments())
        {
            if (MethodOf(argument.Name) is { } method)
            {
                found = method;
                break;
            }
        }
        var name = found is null ? null : $"continuation of {found}";
        s_stateMachines.TryAdd(type, name);
        return name;
    }

    /// <summary>
    /// The user method inside a compiler-generated name, if it is one: <c>&lt;Method&gt;d__4</c> (an async
    /// method), <c>&lt;&lt;Outer&gt;g__Local|0_0&gt;d</c> (an async local function), <c>&lt;Outer&gt;b__0_0</c> (a lambda).
    /// </summary>
    private static string? MethodOf(string generated)
    {
        if (generated.Length < 3 || generated[0] != '<')
            return null;
        var depth = 0;
        for (var i = 0; i < generated.Length; i++)
        {
            if (generated[i] == '<')
                depth++;
            else if (generated[i] == '>' && --depth == 0)
            {
                var inner = generated[1..i];
                var local = inner.IndexOf(">g__", StringComparison.Ordinal);
                if (local >= 0)
                {
                    var name = inner[(local + 4)..];
                    var bar = name.IndexOf('|', StringComparison.Ordinal);
                    return bar >= 0 ? name[..bar] : name;
                }
                return inner.Length > 0 && inner[0] == '<' ? MethodOf(inner) : inner;
            }
        }
        return null;
    }
}
