using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Cases;

/// <summary>
/// One execution of a test method as the engine runs it: a framework adapter builds it so that each call creates
/// a fresh test class instance, invokes the method and disposes the instance.
/// </summary>
public sealed class CaseBody
{
    private CaseBody(Action? sync, Func<Task>? async)
    {
        Sync = sync;
        Async = async;
    }

    /// <summary>The body of a synchronous test method, or <see langword="null"/>.</summary>
    public Action? Sync { get; }

    /// <summary>The body of an asynchronous test method, or <see langword="null"/>.</summary>
    public Func<Task>? Async { get; }

    /// <summary>A synchronous body.</summary>
    /// <param name="body">One execution.</param>
    /// <returns>The body.</returns>
    public static CaseBody From(Action body) => new(body ?? throw new ArgumentNullException(nameof(body)), null);

    /// <summary>An asynchronous body.</summary>
    /// <param name="body">One execution.</param>
    /// <returns>The body.</returns>
    public static CaseBody From(Func<Task> body) => new(null, body ?? throw new ArgumentNullException(nameof(body)));

    /// <summary>Runs the engine on this body.</summary>
    /// <param name="options">The options of the run.</param>
    /// <returns>What was explored.</returns>
    public ExplorationResult Explore(LoomOptions options) =>
        Sync is not null ? LoomModel.Explore(Sync, options) : LoomModel.Explore(Async!, options);

    /// <summary>
    /// This body with exceptions thrown by the test method itself (on the main logical thread) swallowed, so an
    /// exploration that only lists schedules is not stopped by a failing assertion. Loom's own exceptions, which
    /// unwind torn-down executions, still pass through.
    /// </summary>
    /// <returns>The forgiving body.</returns>
    public CaseBody IgnoringTestFailures()
    {
        if (Sync is { } sync)
        {
            return From(() =>
            {
                try
                {
                    sync();
                }
                catch (Exception e) when (!IsLoomException(e))
                {
                    // Listing only: the failure is found again when the case runs.
                }
            });
        }
        var async = Async!;
        // No await of its own: a wrapper's continuation would be a step of its own, which the case, running the
        // body alone, does not take, so the listed schedules would not fit it. Running inline on the thread that
        // completes the body's task, the swallowing completes the listed body at the same step.
        return From(() =>
        {
            Task task;
            try
            {
                task = async();
            }
            catch (Exception e) when (!IsLoomException(e))
            {
                return Task.CompletedTask;
            }
            return task.ContinueWith(
                static done =>
                {
                    if (done.Exception?.InnerException is { } e && IsLoomException(e))
                        done.GetAwaiter().GetResult();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        });
    }

    private static bool IsLoomException(Exception e)
    {
        var ns = e.GetType().Namespace;
        return ns == "Loom" || ns?.StartsWith("Loom.", StringComparison.Ordinal) == true;
    }
}
