using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Thread"/>. Started inside a Loom execution, it is a logical thread that
/// runs only when Loom's scheduler chooses it; started anywhere else, it is a real thread.
/// </summary>
public sealed class Thread
{
    [ThreadStatic]
    private static Thread? t_currentReal;

    private readonly Action<object?>? _start;
    private readonly int _maxStackSize;
    private System.Threading.Thread? _real;
    private LogicalThread? _logical;
    private string? _name;
    private bool _isBackground;
    private bool _started;

    /// <summary>Mirrors <see cref="System.Threading.Thread(ThreadStart)"/>.</summary>
    /// <param name="start">The method the thread runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public Thread(ThreadStart start)
        : this(start, 0)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread(ThreadStart, int)"/>.</summary>
    /// <param name="start">The method the thread runs.</param>
    /// <param name="maxStackSize">The stack size for a real thread, or 0 for the default; logical threads use the pool's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxStackSize"/> is negative.</exception>
    public Thread(ThreadStart start, int maxStackSize)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStackSize);
        _start = _ => start();
        _maxStackSize = maxStackSize;
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread(ParameterizedThreadStart)"/>.</summary>
    /// <param name="start">The method the thread runs, given the argument of <see cref="Start(object?, string?, int)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public Thread(ParameterizedThreadStart start)
        : this(start, 0)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread(ParameterizedThreadStart, int)"/>.</summary>
    /// <param name="start">The method the thread runs, given the argument of <see cref="Start(object?, string?, int)"/>.</param>
    /// <param name="maxStackSize">The stack size for a real thread, or 0 for the default; logical threads use the pool's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxStackSize"/> is negative.</exception>
    public Thread(ParameterizedThreadStart start, int maxStackSize)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStackSize);
        _start = arg => start(arg);
        _maxStackSize = maxStackSize;
    }

    private Thread(LogicalThread logical)
    {
        _logical = logical;
        _started = true;
    }

    private Thread(System.Threading.Thread real)
    {
        _real = real;
        _started = true;
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.CurrentThread"/>: the thread running the caller.</summary>
    public static Thread CurrentThread
    {
        get
        {
            if (LogicalThread.Current is { } logical)
                return (Thread)(logical.Mirror ??= new Thread(logical));
            return t_currentReal ??= new Thread(System.Threading.Thread.CurrentThread);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.Name"/>. A logical thread's name appears in Loom's traces.</summary>
    /// <exception cref="InvalidOperationException">The name was already set.</exception>
    public string? Name
    {
        get => _logical?.Name ?? _real?.Name ?? _name;
        set
        {
            if (Name is not null)
                throw new InvalidOperationException("This property has already been set and cannot be modified.");
            _name = value;
            if (_logical is not null)
                _logical.Name = value;
            else if (_real is not null)
                _real.Name = value;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.IsBackground"/>. Logical threads ignore it: every one must be joined.</summary>
    public bool IsBackground
    {
        get => _real?.IsBackground ?? _isBackground;
        set
        {
            _isBackground = value;
            if (_real is not null)
                _real.IsBackground = value;
        }
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Thread.ManagedThreadId"/>. For a logical thread it is its number in the
    /// execution plus one, so it is the same in every execution (the OS thread under it is not).
    /// </summary>
    public int ManagedThreadId => _logical is not null ? ThreadModel.ManagedThreadId(_logical) : (_real ?? System.Threading.Thread.CurrentThread).ManagedThreadId;

    /// <summary>Mirrors <see cref="System.Threading.Thread.IsAlive"/>: started and not yet finished. Inside an execution, a scheduling point.</summary>
    public bool IsAlive
    {
        get
        {
            if (_logical is { } logical && LoomRuntime.Controlled("Thread.IsAlive", null, 0) is { } me)
                return ThreadModel.IsAlive(me, logical);
            return _real?.IsAlive ?? false;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.Start()"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    public void Start([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => StartCore(null, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Thread.Start(object?)"/>.</summary>
    /// <param name="parameter">The argument passed to the thread's <see cref="ParameterizedThreadStart"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    public void Start(object? parameter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => StartCore(parameter, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Thread.UnsafeStart()"/> (no execution context flows to a real thread).</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    public void UnsafeStart([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => StartCore(null, file, line, unsafeStart: true);

    private void StartCore(object? parameter, string? file, int line, bool unsafeStart = false)
    {
        if (_started)
            throw new ThreadStateException(ThreadModel.AlreadyStarted);
        _started = true;
        var start = _start!;
        if (LoomRuntime.Controlled("Thread.Start", file, line) is { } me)
        {
            _logical = ThreadModel.Create(me, () => start(parameter), _name, this, file, line);
            ThreadModel.Launch(me, _logical);
            return;
        }
        _real = new System.Threading.Thread(() => start(parameter), _maxStackSize) { IsBackground = _isBackground };
        if (_name is not null)
            _real.Name = _name;
        if (unsafeStart)
            _real.UnsafeStart();
        else
            _real.Start();
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.Join()"/>: waits until the thread finishes.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public void Join([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        JoinCore(Timeout.Infinite, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Thread.Join(int)"/>. Inside an execution a finite timeout may expire at
    /// any scheduling point, so Loom explores both the join succeeding and timing out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread finished.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public bool Join(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ThreadModel.ValidateTimeout(millisecondsTimeout);
        return JoinCore(millisecondsTimeout, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.Join(TimeSpan)"/>; see <see cref="Join(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the thread finished.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public bool Join(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Join(Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    private bool JoinCore(int millisecondsTimeout, string? file, int line)
    {
        if (!_started)
            throw new ThreadStateException(ThreadModel.NotStarted);
        if (_logical is { } logical && LoomRuntime.Controlled("Thread.Join", file, line) is { } me)
            return ThreadModel.Join(me, logical, millisecondsTimeout, file, line);
        if (_real is null)
            throw new InvalidOperationException("This Loom thread belongs to a Loom execution that has ended; it cannot be joined from outside it.");
        return _real.Join(millisecondsTimeout);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Thread.Sleep(int)"/>. Inside an execution the thread sleeps in virtual
    /// time: it runs again once nothing else can run and the execution's clock has reached its wake-up time.
    /// <c>Sleep(0)</c> lets another runnable thread take a step first.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to sleep, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void Sleep(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ThreadModel.ValidateTimeout(millisecondsTimeout);
        if (LoomRuntime.Controlled("Thread.Sleep", file, line) is { } me)
        {
            ThreadModel.Sleep(me, millisecondsTimeout, file, line);
            return;
        }
        System.Threading.Thread.Sleep(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.Sleep(TimeSpan)"/>; see <see cref="Sleep(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to sleep, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static void Sleep(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Sleep(Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Thread.Yield"/>. Inside an execution the thread lets another runnable
    /// thread take a step before it continues, so spin loops terminate.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the system switched to another thread; always <see langword="true"/> inside an execution.</returns>
    public static bool Yield([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Yield", file, line) is { } me)
        {
            ThreadModel.Yield(me, "Thread.Yield", file, line);
            return true;
        }
        return System.Threading.Thread.Yield();
    }

    /// <summary>Mirrors <see cref="System.Threading.Thread.SpinWait(int)"/>: inside an execution, a yield.</summary>
    /// <param name="iterations">How long to spin.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public static void SpinWait(int iterations, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.SpinWait", file, line) is { } me)
        {
            ThreadModel.Yield(me, "Thread.SpinWait", file, line);
            return;
        }
        System.Threading.Thread.SpinWait(iterations);
    }

    /// <inheritdoc />
    public override string ToString() => _logical?.Label ?? _real?.ToString() ?? base.ToString()!;
}
