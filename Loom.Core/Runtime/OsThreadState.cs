using System;
using System.Diagnostics;
using System.IO;

namespace Loom.Runtime;

/// <summary>
/// What the kernel says an OS thread is doing, read from <c>/proc/self/task/&lt;tid&gt;/stat</c> on Linux, and a probe
/// that tells the watcher of <see cref="Explorer"/> when the thread holding control has slept in the kernel long enough
/// to be blocked in a real wait rather than spinning. Elsewhere, or when <c>/proc</c> cannot be read, nothing is known
/// and the watcher falls back to <see cref="LoomOptions.StallTimeout"/>.
/// </summary>
internal sealed class OsThreadState
{
    /// <summary>How long the steps must stand still before the probe looks at the thread at all.</summary>
    public static readonly TimeSpan QuietBeforeProbe = TimeSpan.FromMilliseconds(200);

    /// <summary>How long every poll must find the thread asleep before it counts as blocked.</summary>
    private static readonly TimeSpan AsleepFor = TimeSpan.FromMilliseconds(500);

    private static readonly bool s_supported = OperatingSystem.IsLinux();

    /// <summary>The calling OS thread's kernel id once read, -1 once it could not be read, 0 before.</summary>
    [ThreadStatic]
    private static int t_id;

    private readonly Stopwatch _asleep = new();
    private int _probed;

    /// <summary>The kernel's id of the calling OS thread, or 0 when it cannot be known.</summary>
    public static int CurrentThreadId
    {
        get
        {
            // LogicalThread.Current's setter asks at every switch: a failed read is remembered, never repeated.
            if (t_id == 0 && s_supported)
                t_id = ReadCurrentThreadId() is var id and > 0 ? id : -1;
            return Math.Max(t_id, 0);
        }
    }

    /// <summary>
    /// The state letter of OS thread <paramref name="id"/> of this process (R running, S sleeping, D in an
    /// uninterruptible wait, ...), or <see langword="null"/> when it cannot be read.
    /// </summary>
    public static char? Read(int id)
    {
        if (!s_supported || id <= 0)
            return null;
        try
        {
            var stat = File.ReadAllText($"/proc/self/task/{id}/stat");
            // The command name in parentheses may hold spaces or parentheses itself: the state follows the last ')'.
            var end = stat.LastIndexOf(')');
            return end >= 0 && end + 2 < stat.Length ? stat[end + 2] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// One poll of the thread holding control: <see langword="true"/> once every poll since the steps stood still has
    /// found the same OS thread asleep (S or D), with no work queued on the thread pool, for at least
    /// <see cref="AsleepFor"/>.
    /// </summary>
    public bool Blocked(LogicalThread? holder)
    {
        var id = holder?.OsThreadId ?? 0;
        // A thread that waits for a task the pool has queued but not started is not stuck: the task may run yet (and
        // then reach Loom, which decides the verdict). Only a sleep with nothing queued counts.
        var asleep = Read(id) is 'S' or 'D' && System.Threading.ThreadPool.PendingWorkItemCount == 0;
        if (!asleep || id != _probed)
        {
            _asleep.Reset();
            _probed = asleep ? id : 0;
            if (asleep)
                _asleep.Start();
            return false;
        }
        return _asleep.Elapsed >= AsleepFor;
    }

    /// <summary>Forgets earlier polls: the steps moved, or the thread woke.</summary>
    public void Reset()
    {
        _asleep.Reset();
        _probed = 0;
    }

    private static int ReadCurrentThreadId()
    {
        try
        {
            // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it.
            var target = new DirectoryInfo("/proc/thread-self").LinkTarget;
            return int.TryParse(Path.GetFileName(target), out var id) ? id : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
