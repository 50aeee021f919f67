using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Coverage.Recording;

namespace Loom.Runtime;

/// <summary>
/// What the mirror asks on every call: is this call under Loom's control? Outside any exploration the answer
/// costs one static read, so the mirror forwards to System.Threading at near-zero cost.
/// </summary>
internal static class LoomRuntime
{
    private static int s_activeExplorations;

    /// <summary>
    /// The execution whose code is running, flowed by the ExecutionContext. It reaches code the execution started
    /// outside Loom's control (a real thread, a thread-pool item, Task.Run), which is how escapes are caught.
    /// </summary>
    public static AsyncLocal<Execution?> CurrentExecution { get; } = new();

    /// <summary>Whether any exploration is running anywhere in the process.</summary>
    public static bool AnyActive
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref s_activeExplorations) != 0;
    }

    public static void EnterExploration() => Interlocked.Increment(ref s_activeExplorations);

    public static void ExitExploration() => Interlocked.Decrement(ref s_activeExplorations);

    /// <summary>
    /// The logical thread making a mirror call, or <see langword="null"/> if the call is not under Loom's control
    /// and should go to the real primitive. A call from a thread that an execution started outside Loom's
    /// control fails that execution, since running it uncontrolled would silently test nothing; the call itself
    /// then goes to the real primitive rather than throwing, because an exception on a real thread nobody
    /// observes would bring the whole test process down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LogicalThread? Controlled(string api, string? file, int line)
    {
        if (!AnyActive)
            return Outside(api, file, line);
        var me = LogicalThread.Current;
        if (me is null)
        {
            CheckEscape(api, file, line);
            return Outside(api, file, line);
        }
        // A real task that Task.Wait or a synchronous continuation inlined onto a logical thread is still an
        // escape: whether it was inlined depends on thread-pool timing, so treating it as controlled would make
        // the verdict vary from run to run.
        if (Task.CurrentId is not null && TaskScheduler.Current != me.Execution.TaskScheduler)
            return CheckInlinedEscape(me, api, file, line);
        return me;
    }

    /// <summary>
    /// A call that goes to the real member: with loom-coverage on, its line is noted as reached outside Loom's control
    /// (a static read otherwise, which the JIT folds away).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LogicalThread? Outside(string api, string? file, int line)
    {
        if (ControlledSiteLog.Enabled)
            ControlledSiteLog.RecordOutside(api, file, line);
        return null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LogicalThread? CheckInlinedEscape(LogicalThread me, string api, string? file, int line)
    {
        var execution = me.Execution;
        if (!execution.Aborting && !execution.Finished)
            execution.Fail(FailureKind.UncontrolledConcurrency, EscapeMessage(api, file, line), null);
        return Outside(api, file, line);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckEscape(string api, string? file, int line)
    {
        var execution = CurrentExecution.Value;
        if (execution is null || execution.Aborting || execution.Finished)
            return;
        execution.Fail(FailureKind.UncontrolledConcurrency, EscapeMessage(api, file, line), null);
    }

    private static string EscapeMessage(string api, string? file, int line)
    {
        var where = SourceText.Location(file, line);
        return
            $"{api} was called{(where.Length == 0 ? "" : $" at {where}")} on an OS thread that Loom does not control " +
            $"(managed thread {Environment.CurrentManagedThreadId}), started from inside the execution: a System.Threading.Thread, " +
            "a ThreadPool work item, Task.Run, or an await that resumed on the thread pool (ConfigureAwait(false)). " +
            "Loom schedules only what the test build rewrote: name the assembly that made this call with <LoomRewriteAssembly Include=\"Name\" /> " +
            "if it is a package's, or start the work through a rewritten System.Threading call or Loom.Threading (docs/rewriting.md).";
    }
}
