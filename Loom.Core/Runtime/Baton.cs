using System;
using System.Threading;

namespace Loom.Runtime;

/// <summary>
/// The handoff signal of one OS thread. Only the thread holding the baton runs; it passes control by signalling
/// the next thread's baton and waiting on its own. The next thread was usually running moments ago, so a waiter
/// spins briefly before blocking: a kernel wait costs tens of microseconds on a small machine, a spin a fraction
/// of one (see bench/RESULTS.md). While more threads spin than there are cores, a spinner yields its core at
/// every turn instead, so that the thread it is waiting for gets one.
/// </summary>
internal sealed class Baton
{
    /// <summary>Spin iterations before blocking; SpinWait yields the core to the signaller after its first few.</summary>
    private const int SpinIterations = 40;

    private static readonly int s_cores = Environment.ProcessorCount;

    /// <summary>How many threads are in a baton's spin now, process-wide.</summary>
    private static int s_spinning;

    private readonly object _gate = new();
    private readonly object _ownerGate = new();
    private int _signaled;
    private int _blocked;

    /// <summary>The logical thread using the baton now, or <see langword="null"/> while its OS thread is idle.</summary>
    private object? _owner;

    /// <summary>Gives the baton to a logical thread, dropping any signal left from its previous owner.</summary>
    public void Claim(object owner)
    {
        lock (_ownerGate)
        {
            _owner = owner;
            Reset();
        }
    }

    /// <summary>Takes the baton back from its logical thread (which has finished), dropping any signal left for it.</summary>
    public void Release()
    {
        lock (_ownerGate)
        {
            _owner = null;
            Reset();
        }
    }

    /// <summary>
    /// Signals the baton only if <paramref name="owner"/> still uses it. Tearing an execution down may run on a
    /// thread other than the one holding control and be delayed; by then the OS thread may serve another logical
    /// thread, even of another execution, which a plain signal would wake by mistake.
    /// </summary>
    public void SignalIf(object owner)
    {
        lock (_ownerGate)
        {
            if (ReferenceEquals(_owner, owner))
                Signal();
        }
    }

    /// <summary>Lets the owner run. Signalling a baton twice before it is taken counts once.</summary>
    public void Signal()
    {
        // Full fence between publishing the signal and reading _blocked, paired with the waiter's fence
        // between publishing _blocked and re-checking the signal: one of the two always sees the other.
        Interlocked.Exchange(ref _signaled, 1);
        if (Volatile.Read(ref _blocked) != 0)
        {
            lock (_gate)
                Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits until signalled and consumes the signal.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <returns>Whether the signal arrived before the timeout.</returns>
    public bool Wait(int millisecondsTimeout)
    {
        var spinner = new SpinWait();
        Interlocked.Increment(ref s_spinning);
        try
        {
            for (var i = 0; i < SpinIterations; i++)
            {
                if (Volatile.Read(ref _signaled) != 0 && Interlocked.Exchange(ref _signaled, 0) != 0)
                    return true;
                // The spinners and the thread they wait for need more cores than there are: the one signalled
                // next may be off a core, and only giving this core up lets it on.
                if (Volatile.Read(ref s_spinning) >= s_cores)
                    System.Threading.Thread.Yield();
                else
                    spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
        finally
        {
            Interlocked.Decrement(ref s_spinning);
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _blocked, 1);
            try
            {
                while (Interlocked.Exchange(ref _signaled, 0) == 0)
                {
                    if (!Monitor.Wait(_gate, millisecondsTimeout))
                        return Interlocked.Exchange(ref _signaled, 0) != 0;
                }
                return true;
            }
            finally
            {
                Volatile.Write(ref _blocked, 0);
            }
        }
    }

    /// <summary>Drops a signal nobody will take (left by a torn-down execution) before the baton is reused.</summary>
    private void Reset() => Interlocked.Exchange(ref _signaled, 0);
}
