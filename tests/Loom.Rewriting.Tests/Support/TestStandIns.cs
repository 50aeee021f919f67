using System.Runtime.CompilerServices;
using Loom.Interception;

namespace Loom.Rewriting.Tests.Support;

/// <summary>What the test stand-ins saw: which stand-in ran, with the caller info the rewriter passed.</summary>
public static class StandInLog
{
    private static readonly AsyncLocal<List<string>?> s_calls = new();

    public static List<string> Calls => s_calls.Value ??= new List<string>();

    public static void Clear() => s_calls.Value = new List<string>();

    internal static void Record(string what, string? file, int line, string? name = null) =>
        Calls.Add($"{what} {(file is null ? "-" : Path.GetFileName(file))}:{line}{(name is null ? "" : " " + name)}");
}

// Test stand-ins in the convention's shape (Loom.Interception.InterceptsAttribute), each recording its call and
// then doing what the real member does: the rewriter's tests read them from this assembly instead of Loom.Core's.

[Intercepts(typeof(Interlocked))]
public static class InterlockedStandIns
{
    public static int Increment(ref int location, [CallerArgumentExpression(nameof(location))] string? locationName = null, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Interlocked.Increment", file, line, locationName);
        return Interlocked.Increment(ref location);
    }

    public static T Exchange<T>(ref T location1, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where T : class?
    {
        StandInLog.Record("Interlocked.Exchange<T>", file, line);
        return Interlocked.Exchange(ref location1, value);
    }
}

[Intercepts(typeof(Monitor))]
public static class MonitorStandIns
{
    public static void Enter(object obj, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Monitor.Enter", file, line);
        Monitor.Enter(obj, ref lockTaken);
    }

    public static void Exit(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Monitor.Exit", file, line);
        Monitor.Exit(obj);
    }
}

[Intercepts(typeof(SemaphoreSlim))]
public static class SemaphoreSlimStandIns
{
    public static SemaphoreSlim New(int initialCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("new SemaphoreSlim", file, line);
        return new SemaphoreSlim(initialCount);
    }

    public static int Release(SemaphoreSlim semaphore, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("SemaphoreSlim.Release", file, line);
        return semaphore.Release();
    }

    public static int get_CurrentCount(SemaphoreSlim semaphore)
    {
        StandInLog.Record("SemaphoreSlim.CurrentCount", null, 0);
        return semaphore.CurrentCount;
    }
}

[Intercepts(typeof(SpinLock))]
public static class SpinLockStandIns
{
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("SpinLock.Enter", file, line);
        spinLock.Enter(ref lockTaken);
    }
}

[Intercepts(typeof(Task))]
public static class TaskStandIns
{
    public static Task<TResult> Run<TResult>(Func<TResult> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Task.Run<TResult>", file, line);
        return Task.FromResult(function());
    }
}

[Intercepts(typeof(Task<>))]
public static class TaskOfTResultStandIns
{
    public static TResult get_Result<TResult>(Task<TResult> task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Task<TResult>.Result", file, line);
        return task.Result;
    }
}

[Intercepts(typeof(DateTime))]
public static class DateTimeStandIns
{
    public static DateTime get_UtcNow([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("DateTime.UtcNow", file, line);
        return new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }
}

[Intercepts(typeof(Random))]
[PassesThrough("Next", "a test declaration: a draw on an instance passes through")]
public static class RandomStandIns
{
    public static Random New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("new Random", file, line);
        return new Random();
    }
}

[Intercepts(typeof(Volatile))]
[PassesThrough("ReadBarrier", "a test declaration: passes through")]
[NotInterceptedYet("WriteBarrier", "a test declaration: not intercepted yet")]
public static class VolatileStandIns
{
    public static int Read(ref readonly int location, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        StandInLog.Record("Volatile.Read", file, line);
        return Volatile.Read(in location);
    }
}

/// <summary>The recorder of unseen code in the convention's shape (Loom.Interception.UnseenCode), logging each call.</summary>
[RecordsUnseenCode]
public static class UnseenCodeStandIns
{
    public static void Called(string assembly, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        StandInLog.Record("unseen " + assembly, file, line);

    public static void NotControlled(string member, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        StandInLog.Record("not controlled " + member, file, line);
}
