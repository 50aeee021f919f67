using Loom.Threading;
using Xunit;

namespace Loom.Tests.Threading;

/// <summary>Small helpers for the mirror's tests: start and join threads, check a condition, collect outcomes.</summary>
internal static class Run
{
    /// <summary>Starts one logical thread per body and joins them all.</summary>
    public static void All(params Action[] bodies)
    {
        var threads = bodies.Select(body => new Thread(() => body())).ToArray();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
    }

    /// <summary>Fails the execution with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Expect(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }

    /// <summary>Explores the body exhaustively and collects what every execution returned.</summary>
    public static (SortedSet<string> Seen, ExplorationResult Result) Outcomes(Func<string> body, LoomOptions? options = null)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var result = LoomModel.Explore(() =>
        {
            var outcome = body();
            // Only the body's own thread writes here, after joining: it does not affect what the model does.
            seen.Add(outcome);
        }, options);
        return (seen, result);
    }

    /// <summary>The exception a body throws outside any execution, for comparing the mirror with the BCL.</summary>
    public static Type? ThrownBy(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex)
        {
            return ex.GetType();
        }
    }

    /// <summary>The exception the body throws inside a one-thread execution (null if none).</summary>
    public static Exception? ThrownInside(Action action)
    {
        Exception? thrown = null;
        var result = LoomModel.Explore(() =>
        {
            Interlocked.MemoryBarrier();
            try
            {
                action();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
        });
        // Misuse often leaves a lock held; only the exception matters here.
        Assert.True(result.Passed || result.Failure?.Kind == FailureKind.LockLeaked, result.Failure?.Report);
        return thrown;
    }
}

/// <summary>
/// Counts the threads inside a critical section with Interlocked operations, which Loom sees, so that partial-order
/// reduction explores every way two threads' critical sections can overlap.
/// </summary>
internal sealed class Occupancy
{
    private readonly int _limit;
    private int _inside;

    public Occupancy(int limit) => _limit = limit;

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        Run.Expect(now <= _limit, $"{now} threads inside at once; at most {_limit} allowed");
    }

    public void Exit() => Interlocked.Decrement(ref _inside);
}
