using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// Completing a <see cref="TaskCompletionSource"/> or <see cref="TaskCompletionSource{TResult}"/> inside an execution,
/// for the stand-ins (Loom.Interception's <c>TaskCompletionSourceCalls</c> and <c>TaskCompletionSourceOfTResultCalls</c>),
/// and reading a task's state (<c>TaskCalls</c>): each completion is a scheduling point that writes the task's
/// <see cref="TaskCompletionState"/>, each read one that reads it; then the real member completes the real task (a
/// second <c>Set</c> throws <see cref="InvalidOperationException"/>, a second <c>TrySet</c> returns
/// <see langword="false"/>, as in .NET). Where the task's continuations run follows .NET as far as Loom's scheduler
/// allows:
/// <list type="bullet">
/// <item>Without <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>, continuations run inline on the
/// completing thread, as part of its step (<see cref="InlineContinuations"/>): an await's code after the await runs
/// inside <c>SetResult</c>, as it does for real on the thread pool.</item>
/// <item>With it, an await's continuation is a step of its own, queued to the execution. The completion runs with the
/// flag lifted for its duration, so that the continuations .NET would otherwise hand to the real thread pool (those
/// of <c>Task.WhenAll</c>, <c>WhenAny</c> and <c>WaitAsync</c>, and awaits that captured no context in code that was
/// not rewritten) run inline on the completing step instead of escaping Loom's control; the continuations of those in
/// turn are queued. Only that inner layer runs earlier than .NET would run it.</item>
/// </list>
/// </summary>
internal static class TaskCompletionModel
{
    private const int RunContinuationsAsynchronously = (int)TaskCreationOptions.RunContinuationsAsynchronously;

    /// <summary>The key of each task's model: not the task itself, on which code may also take a lock.</summary>
    private static readonly ConditionalWeakTable<Task, object> s_keys = new();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_stateFlags")]
    private static extern ref int StateFlags(Task task);

    /// <summary>
    /// Completes <paramref name="task"/>, a completion source's task, with <paramref name="complete"/> (the real member,
    /// returning whether it completed the task) after a scheduling point named <paramref name="api"/>.
    /// </summary>
    public static bool Complete(LogicalThread me, Task task, string api, string? file, int line, Func<bool> complete)
    {
        Blocking.Step(me, State(me, task), api, AccessKind.Write, file, line);
        // Only this thread runs until the completion returns, so the task's state now tells its outcome.
        Blocking.Record(me, task.IsCompleted ? $"{Describe(task)} already" : "completes the task");
        if ((task.CreationOptions & TaskCreationOptions.RunContinuationsAsynchronously) == 0)
            return InlineContinuations.Run(me, inline: true, complete);
        ref var flags = ref StateFlags(task);
        System.Threading.Interlocked.And(ref flags, ~RunContinuationsAsynchronously);
        try
        {
            return InlineContinuations.Run(me, inline: false, complete);
        }
        finally
        {
            System.Threading.Interlocked.Or(ref flags, RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes with a <c>Set</c> member, which throws if the task is complete already.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void Set(LogicalThread me, Task task, string api, string? file, int line, Action set) =>
        Complete(me, task, api, file, line, () =>
        {
            set();
            return true;
        });

    /// <summary>
    /// A read of <paramref name="task"/>'s state (<c>IsCompleted</c>, <c>Status</c>, ...) by <paramref name="me"/>: a
    /// scheduling point that reads the task's completion, ordered with the completions a completion source's stand-ins
    /// make. The caller then reads the real task.
    /// </summary>
    public static void Observe(LogicalThread me, Task task, string api, string? file, int line)
    {
        Blocking.Step(me, State(me, task), api, AccessKind.Read, file, line);
        Blocking.Record(me, task.IsCompleted ? Describe(task) : "not completed");
    }

    private static TaskCompletionState State(LogicalThread me, Task task) =>
        me.Execution.ModelOf(s_keys.GetValue(task, static _ => new object()), static (execution, _) => new TaskCompletionState(execution));

    private static string Describe(Task task) => task.Status switch
    {
        TaskStatus.Faulted => "faulted",
        TaskStatus.Canceled => "canceled",
        _ => "completed",
    };
}
