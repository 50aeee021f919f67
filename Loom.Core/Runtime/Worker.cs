using System;
using System.Threading;

namespace Loom.Runtime;

/// <summary>
/// A pooled OS thread that runs logical threads, one at a time, for any number of executions. Executions never
/// create OS threads; they borrow workers from <see cref="WorkerPool"/>.
/// </summary>
internal sealed class Worker
{
    private readonly WorkerPool _pool;
    private LogicalThread? _assignment;
    private Action? _job;

    public Worker(WorkerPool pool, int number)
    {
        _pool = pool;
        var thread = new System.Threading.Thread(Loop, maxStackSize: 0)
        {
            IsBackground = true,
            Name = $"Loom worker {number}",
        };
        thread.UnsafeStart();
    }

    /// <summary>The worker's handoff signal; the logical thread it runs uses it as its own.</summary>
    public Baton Baton { get; } = new();

    /// <summary>Hands the worker a logical thread that the scheduler has chosen to run.</summary>
    public void Run(LogicalThread thread)
    {
        _assignment = thread;
        Baton.Signal();
    }

    /// <summary>Hands the worker a job that is not a logical thread: a whole exploration (see <see cref="Explorer"/>).</summary>
    public void Run(Action job)
    {
        _job = job;
        Baton.Signal();
    }

    [ThreadStatic]
    private static Worker? t_current;

    [ThreadStatic]
    private static LogicalThread? t_successor;

    /// <summary>The worker running on this OS thread, or <see langword="null"/> on any other thread.</summary>
    public static Worker? Current => t_current;

    /// <summary>
    /// Runs <paramref name="thread"/> (queued work that has not started) on this worker as soon as its current
    /// logical thread returns, without waking another OS thread: a chain of continuations costs no thread switch.
    /// </summary>
    public void RunNext(LogicalThread thread)
    {
        thread.Baton = Baton;
        t_successor = thread;
    }

    private void Loop()
    {
        t_current = this;
        while (true)
        {
            Baton.Wait(Timeout.Infinite);
            if (_job is { } job)
            {
                _job = null;
                job();
                Baton.Release();
                _pool.Return(this);
                continue;
            }
            var thread = _assignment;
            _assignment = null;
            while (thread is not null)
            {
                thread.Execution.RunThread(thread);
                thread = t_successor;
                t_successor = null;
                Baton.Release();
                if (thread is not null)
                    Baton.Claim(thread);
            }
            _pool.Return(this);
        }
    }
}
