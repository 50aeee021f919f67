using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Reporting;
using Loom.Runtime;

namespace Loom.Async;

/// <summary>
/// Where the continuations of a task a logical thread completes (a <c>TaskCompletionSource</c>'s, through its
/// stand-in) run. Every logical thread runs with Loom's synchronization context, which stands for the thread pool's
/// "no context": an await captures it, so its continuation is posted back as a step of its own. .NET runs the same
/// continuation inline on the completing thread, inside <c>SetResult</c>, unless the task was made with
/// <see cref="System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously"/>. So while a completion
/// runs inline continuations, a post to the context of a logical thread of the same simulated node runs right there,
/// on the completing thread and as part of its step; otherwise, and for the continuations those continuations post in
/// turn, it is queued as usual.
/// <para>
/// The completion itself runs with no synchronization context, as on the thread pool: continuations that captured
/// none (<c>ConfigureAwait(false)</c> in code that was not rewritten, <c>Task.WhenAll</c>'s) run inline instead of
/// escaping to the real thread pool, which .NET does when the completing thread has a context.
/// </para>
/// </summary>
internal static class InlineContinuations
{
    /// <summary>The completion running on this OS thread whose posts run inline; <see langword="null"/> for none.</summary>
    [ThreadStatic]
    private static Scope? t_scope;

    /// <summary>
    /// Runs <paramref name="complete"/>, which completes a task, on <paramref name="me"/>. With
    /// <paramref name="inline"/> it runs with no synchronization context, as on the thread pool, and the continuations it
    /// posts to Loom run inline. Otherwise it runs with a context of its own, which no continuation captured: .NET
    /// then runs none inline but those that never run user code directly (<c>Task.WhenAll</c>'s, which complete
    /// another task), and posts every await's to the context it captured, where it is queued.
    /// </summary>
    public static T Run<T>(LogicalThread me, bool inline, Func<T> complete)
    {
        var outer = t_scope;
        var context = SynchronizationContext.Current;
        var loomContext = context as ControlledSynchronizationContext ?? me.Context;
        t_scope = inline ? new Scope(me, loomContext) : null;
        SynchronizationContext.SetSynchronizationContext(inline ? null : new Completing(loomContext));
        try
        {
            return complete();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
            t_scope = outer;
        }
    }

    /// <summary>
    /// Runs a continuation posted to a logical thread of <paramref name="owner"/>'s inline, if a completion on this OS
    /// thread runs its continuations inline and the completing thread belongs to the same owner; returns whether it
    /// took the post (a continuation of a crashed owner is dropped, as a queued one would be).
    /// </summary>
    public static bool TryRun(Execution execution, IWorkOwner? owner, SendOrPostCallback callback, object? state)
    {
        if (t_scope is not { Active: true } scope || LogicalThread.Current is not { } me || me != scope.Thread ||
            me.Execution != execution || me.Owner != owner || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            return false;
        if (owner is { IsAlive: false })
            return true;
        scope.Active = false;
        SynchronizationContext.SetSynchronizationContext(scope.Context);
        try
        {
            callback(state);
        }
        catch (ExecutionAbortedException)
        {
            // The completing thread unwinds at its next scheduling point; .NET must not see the exception.
        }
        catch (Exception ex)
        {
            // What .NET rethrows on the thread pool, where it ends the process: the execution fails.
            execution.Fail(
                FailureKind.Exception,
                $"{me.Label} threw {ex.GetType().FullName} in a continuation it ran inline when it completed a task: {ex.Message}\n{StackTraceFolding.Fold(ex.StackTrace)}",
                me,
                ex);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            scope.Active = true;
        }
        return true;
    }

    /// <summary>
    /// The context a completion that runs no continuation inline runs with: a type of its own, so .NET's inlining
    /// checks fail; anything posted to it (by code that captured it while running inline) goes to the completing
    /// thread's Loom context.
    /// </summary>
    private sealed class Completing(SynchronizationContext? loomContext) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
            if (loomContext is null)
                base.Post(d, state);
            else
                loomContext.Post(d, state);
        }

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>A completion that runs continuations inline: its thread, that thread's context, and whether one is running now.</summary>
    private sealed class Scope(LogicalThread thread, SynchronizationContext? context)
    {
        public LogicalThread Thread { get; } = thread;

        public SynchronizationContext? Context { get; } = context;

        public bool Active { get; set; } = true;
    }
}
