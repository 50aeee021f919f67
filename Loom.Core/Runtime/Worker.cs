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

    private void Loop()
    {
        while (true)
        {
            Baton.Wait(Timeout.Infinite);
            var thread = _assignment!;
            _assignment = null;
            thread.Execution.RunThread(thread);
            Baton.Release();
            _pool.Return(this);
        }
    }
}
