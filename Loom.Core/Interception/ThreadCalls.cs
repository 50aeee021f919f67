using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Threading.Models;
using RealThread = System.Threading.Thread;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="System.Threading.Thread"/>, on the real thread objects. A thread constructed through
/// <see cref="New(ThreadStart, string, int)"/> (rewritten code) records its start delegate, which the real type does not expose;
/// started inside a Loom execution it runs as a logical thread that only Loom's scheduler runs, and the real object
/// is never started. A thread constructed by code that was not rewritten cannot be run that way: starting it inside
/// an execution fails the execution (<see cref="FailureKind.UncontrolledConcurrency"/>) rather than letting it run
/// uncontrolled. Outside an execution every stand-in is the real member.
/// </summary>
[PassesThrough("get_IsThreadPoolThread", "a property of the OS thread; logical threads run on Loom's own workers, which are not pool threads")]
[PassesThrough("get_Priority", Priority)]
[PassesThrough("set_Priority", Priority)]
[PassesThrough("get_CurrentCulture", FlowsWithContext)]
[PassesThrough("set_CurrentCulture", FlowsWithContext)]
[PassesThrough("get_CurrentUICulture", FlowsWithContext)]
[PassesThrough("set_CurrentUICulture", FlowsWithContext)]
[PassesThrough("get_CurrentPrincipal", FlowsWithContext)]
[PassesThrough("set_CurrentPrincipal", FlowsWithContext)]
[PassesThrough("get_ExecutionContext", "the context object itself; capturing it synchronizes nothing")]
[PassesThrough("GetApartmentState", ComApartment)]
[PassesThrough("SetApartmentState", ComApartment)]
[PassesThrough("TrySetApartmentState", ComApartment)]
[PassesThrough("get_ApartmentState", ObsoleteComApartment)]
[PassesThrough("set_ApartmentState", ObsoleteComApartment)]
[PassesThrough("DisableComObjectEagerCleanup", "COM cleanup (Windows only); does not affect the model")]
[PassesThrough("Abort", ObsoleteUnsupported)]
[PassesThrough("ResetAbort", ObsoleteUnsupported)]
[PassesThrough("Suspend", ObsoleteUnsupported)]
[PassesThrough("Resume", ObsoleteUnsupported)]
[PassesThrough("GetCompressedStack", ObsoleteInvalid)]
[PassesThrough("SetCompressedStack", ObsoleteInvalid)]
[PassesThrough("BeginCriticalRegion", NoOp)]
[PassesThrough("EndCriticalRegion", NoOp)]
[PassesThrough("BeginThreadAffinity", NoOp)]
[PassesThrough("EndThreadAffinity", NoOp)]
[NotInterceptedYet("AllocateDataSlot", DataSlots)]
[NotInterceptedYet("AllocateNamedDataSlot", DataSlots)]
[NotInterceptedYet("GetNamedDataSlot", DataSlots)]
[NotInterceptedYet("FreeNamedDataSlot", DataSlots)]
[NotInterceptedYet("GetData", DataSlots)]
[NotInterceptedYet("SetData", DataSlots)]
[PassesThrough("GetDomain", OneDomain)]
[PassesThrough("GetDomainID", OneDomain)]
[PassesThrough("GetHashCode", "object identity, the same for the real thread object either way")]
[PassesThrough("GetCurrentProcessorId", "a hint (which processor the OS thread last ran on) that no correct program depends on")]
[NotInterceptedYet("VolatileRead", "obsolete; a real volatile read that the memory model does not see; use Volatile.Read")]
[NotInterceptedYet("VolatileWrite", "obsolete; a real volatile write that the memory model does not see; use Volatile.Write")]
[Intercepts(typeof(RealThread))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ThreadCalls
{
    private const string Priority = "a scheduling hint to the OS; Loom's scheduler ignores it, as it must to explore every order";
    private const string FlowsWithContext = "flows with the execution context, which logical threads carry as real threads do";
    private const string ComApartment = "COM apartments (Windows only) do not affect the model";
    private const string ObsoleteComApartment = "obsolete COM apartment property; does not affect the model";
    private const string ObsoleteUnsupported = "obsolete; throws PlatformNotSupportedException on .NET, inside an execution too";
    private const string ObsoleteInvalid = "obsolete; throws InvalidOperationException on .NET, inside an execution too";
    private const string NoOp = "a no-op on .NET";
    private const string DataSlots = "a legacy data slot is the pooled OS thread's inside an execution, so logical threads that share a worker share its slots; use AsyncLocal or fields instead";
    private const string OneDomain = "the one AppDomain; nothing to model";

    /// <summary>The start of every thread rewritten code constructed, kept as long as the thread object lives.</summary>
    private static readonly ConditionalWeakTable<RealThread, StartRecord> s_starts = new();

    /// <summary>Stands in for <see cref="System.Threading.Thread.Thread(ThreadStart)"/>.</summary>
    /// <param name="start">The method the thread runs.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new, unstarted thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public static RealThread New(ThreadStart start, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => Record(new RealThread(start), _ => start(), takesParameter: false);

    /// <summary>Stands in for <see cref="System.Threading.Thread.Thread(ThreadStart, int)"/>; a logical thread uses its pooled worker's stack.</summary>
    /// <param name="start">The method the thread runs.</param>
    /// <param name="maxStackSize">The stack size of a real thread, or 0 for the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new, unstarted thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxStackSize"/> is negative.</exception>
    public static RealThread New(ThreadStart start, int maxStackSize, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => Record(new RealThread(start, maxStackSize), _ => start(), takesParameter: false);

    /// <summary>Stands in for <see cref="System.Threading.Thread.Thread(ParameterizedThreadStart)"/>.</summary>
    /// <param name="start">The method the thread runs, given Start's argument.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new, unstarted thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public static RealThread New(ParameterizedThreadStart start, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => Record(new RealThread(start), arg => start(arg), takesParameter: true);

    /// <summary>Stands in for <see cref="System.Threading.Thread.Thread(ParameterizedThreadStart, int)"/>; a logical thread uses its pooled worker's stack.</summary>
    /// <param name="start">The method the thread runs, given Start's argument.</param>
    /// <param name="maxStackSize">The stack size of a real thread, or 0 for the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new, unstarted thread.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxStackSize"/> is negative.</exception>
    public static RealThread New(ParameterizedThreadStart start, int maxStackSize, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => Record(new RealThread(start, maxStackSize), arg => start(arg), takesParameter: true);

    /// <summary>
    /// Stands in for <see cref="RealThread.CurrentThread"/>. Inside an execution it is the thread object of the
    /// calling logical thread: the one rewritten code started, or an unstarted stand-in made on first use, the same
    /// object for the logical thread's whole life.
    /// </summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The calling thread's object.</returns>
    public static RealThread get_CurrentThread([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.CurrentThread", file, line) is not { } me)
            return RealThread.CurrentThread;
        if (me.RealThread is { } known)
            return known;
        var standIn = new RealThread(static () => { });
        State(me, standIn).Logical = me;
        me.RealThread = standIn;
        return standIn;
    }

    /// <summary>Stands in for <see cref="RealThread.Start()"/>.</summary>
    /// <param name="thread">The thread to start.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    public static void Start(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Start", file, line) is { } me)
            StartModel(me, StandIn.NotNull(thread), null, withParameter: false, file, line);
        else
            thread.Start();
    }

    /// <summary>Stands in for <see cref="RealThread.Start(object?)"/>.</summary>
    /// <param name="thread">The thread to start.</param>
    /// <param name="parameter">The argument its <see cref="ParameterizedThreadStart"/> receives.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    /// <exception cref="InvalidOperationException">The thread was constructed with a <see cref="ThreadStart"/>, which takes no argument.</exception>
    public static void Start(RealThread thread, object? parameter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Start", file, line) is { } me)
            StartModel(me, StandIn.NotNull(thread), parameter, withParameter: true, file, line);
        else
            thread.Start(parameter);
    }

    /// <summary>Stands in for <see cref="RealThread.UnsafeStart()"/>: inside an execution the same as <see cref="Start(RealThread, string?, int)"/>.</summary>
    /// <param name="thread">The thread to start.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    public static void UnsafeStart(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.UnsafeStart", file, line) is { } me)
            StartModel(me, StandIn.NotNull(thread), null, withParameter: false, file, line);
        else
            thread.UnsafeStart();
    }

    /// <summary>Stands in for <see cref="RealThread.UnsafeStart(object?)"/>: inside an execution the same as <see cref="Start(RealThread, object?, string?, int)"/>.</summary>
    /// <param name="thread">The thread to start.</param>
    /// <param name="parameter">The argument its <see cref="ParameterizedThreadStart"/> receives.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">The thread was already started.</exception>
    /// <exception cref="InvalidOperationException">The thread was constructed with a <see cref="ThreadStart"/>, which takes no argument.</exception>
    public static void UnsafeStart(RealThread thread, object? parameter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.UnsafeStart", file, line) is { } me)
            StartModel(me, StandIn.NotNull(thread), parameter, withParameter: true, file, line);
        else
            thread.UnsafeStart(parameter);
    }

    /// <summary>Stands in for <see cref="RealThread.Join()"/>: inside an execution, blocks until the logical thread has finished.</summary>
    /// <param name="thread">The thread to join.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public static void Join(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Join", file, line) is { } me)
            JoinModel(me, StandIn.NotNull(thread), Timeout.Infinite, file, line);
        else
            thread.Join();
    }

    /// <summary>
    /// Stands in for <see cref="RealThread.Join(int)"/>. Inside an execution a finite timeout never blocks: the join
    /// succeeds if the thread has finished when the scheduler runs it, and otherwise times out.
    /// </summary>
    /// <param name="thread">The thread to join.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread finished.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public static bool Join(RealThread thread, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Join", file, line) is not { } me)
            return thread.Join(millisecondsTimeout);
        StandIn.NotNull(thread);
        ThreadModel.ValidateTimeout(millisecondsTimeout);
        return JoinModel(me, thread, millisecondsTimeout, file, line);
    }

    /// <summary>Stands in for <see cref="RealThread.Join(TimeSpan)"/>; see <see cref="Join(RealThread, int, string?, int)"/>.</summary>
    /// <param name="thread">The thread to join.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread finished.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ThreadStateException">The thread was never started.</exception>
    public static bool Join(RealThread thread, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Join", file, line) is not { } me)
            return thread.Join(timeout);
        StandIn.NotNull(thread);
        return JoinModel(me, thread, Threading.Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);
    }

    /// <summary>Stands in for <see cref="RealThread.Sleep(int)"/>: inside an execution the thread sleeps in virtual time.</summary>
    /// <param name="millisecondsTimeout">How long to sleep, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void Sleep(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Sleep", file, line) is { } me)
            ThreadModel.Sleep(me, millisecondsTimeout, file, line);
        else
            RealThread.Sleep(millisecondsTimeout);
    }

    /// <summary>Stands in for <see cref="RealThread.Sleep(TimeSpan)"/>; see <see cref="Sleep(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to sleep, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static void Sleep(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Sleep", file, line) is { } me)
            ThreadModel.Sleep(me, Threading.Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);
        else
            RealThread.Sleep(timeout);
    }

    /// <summary>Stands in for <see cref="RealThread.Yield"/>: inside an execution another runnable thread takes a step first.</summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether another thread ran; always <see langword="true"/> inside an execution.</returns>
    public static bool Yield([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Yield", file, line) is not { } me)
            return RealThread.Yield();
        ThreadModel.Yield(me, "Thread.Yield", file, line);
        return true;
    }

    /// <summary>Stands in for <see cref="RealThread.SpinWait(int)"/>: inside an execution, a yield.</summary>
    /// <param name="iterations">How long a real thread spins.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void SpinWait(int iterations, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.SpinWait", file, line) is { } me)
            ThreadModel.Yield(me, "Thread.SpinWait", file, line);
        else
            RealThread.SpinWait(iterations);
    }

    /// <summary>Stands in for <see cref="RealThread.MemoryBarrier"/>: a full fence, as <see cref="System.Threading.Interlocked.MemoryBarrier"/>.</summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void MemoryBarrier([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.MemoryBarrier", file, line) is { } me)
            Threading.MemoryAccess.Fence(me, "Thread.MemoryBarrier", file, line);
        else
            RealThread.MemoryBarrier();
    }

    /// <summary>
    /// Stands in for <see cref="RealThread.ManagedThreadId"/>. Inside an execution a thread the execution runs has
    /// its logical number plus one, the same in every execution (the pooled OS thread under it is neither stable
    /// nor its own); an unstarted thread keeps its real id.
    /// </summary>
    /// <param name="thread">The thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The thread's id.</returns>
    public static int get_ManagedThreadId(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.ManagedThreadId", file, line) is { } me && State(me, StandIn.NotNull(thread)).Logical is { } logical)
            return ThreadModel.ManagedThreadId(logical);
        return thread.ManagedThreadId;
    }

    /// <summary>Stands in for <see cref="RealThread.IsAlive"/>: inside an execution, whether its logical thread has started and not finished (a scheduling point).</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread is alive.</returns>
    public static bool get_IsAlive(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.IsAlive", file, line) is not { } me)
            return thread.IsAlive;
        var state = State(me, StandIn.NotNull(thread));
        if (state.Logical is { } logical)
            return ThreadModel.IsAlive(me, logical);
        return state.StartedOutside && thread.IsAlive;
    }

    /// <summary>
    /// Stands in for <see cref="RealThread.ThreadState"/>. Inside an execution a thread the execution runs is
    /// <see cref="ThreadState.Running"/> until it finishes (<see cref="ThreadState.Stopped"/>), and an unstarted one
    /// <see cref="ThreadState.Unstarted"/>; each with <see cref="ThreadState.Background"/> if set. A scheduling point, like IsAlive.
    /// </summary>
    /// <param name="thread">The thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The thread's state.</returns>
    public static ThreadState get_ThreadState(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.ThreadState", file, line) is not { } me)
            return thread.ThreadState;
        var state = State(me, StandIn.NotNull(thread));
        if (state.StartedOutside)
            return thread.ThreadState;
        var background = state.IsBackground ? ThreadState.Background : 0;
        if (state.Logical is not { } logical)
            return ThreadState.Unstarted | background;
        return (ThreadModel.IsAlive(me, logical) ? ThreadState.Running : ThreadState.Stopped) | background;
    }

    /// <summary>Stands in for the getter of <see cref="RealThread.Name"/>: inside an execution, the name as the execution set it (the real object keeps its own).</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The thread's name, or <see langword="null"/>.</returns>
    public static string? get_Name(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Thread.Name", file, line) is { } me ? State(me, StandIn.NotNull(thread)).Name : thread.Name;

    /// <summary>Stands in for the setter of <see cref="RealThread.Name"/>: inside an execution it names the logical thread in traces, and leaves the real object as it was.</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="value">The new name.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void set_Name(RealThread thread, string? value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Name", file, line) is not { } me)
        {
            thread.Name = value;
            return;
        }
        var state = State(me, StandIn.NotNull(thread));
        state.Name = value;
        if (state.Logical is { } logical)
            logical.Name = value;
    }

    /// <summary>Stands in for the getter of <see cref="RealThread.IsBackground"/>.</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the thread is a background thread.</returns>
    /// <exception cref="ThreadStateException">Outside an execution: the thread is dead.</exception>
    public static bool get_IsBackground(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Thread.IsBackground", file, line) is { } me ? State(me, StandIn.NotNull(thread)).IsBackground : thread.IsBackground;

    /// <summary>Stands in for the setter of <see cref="RealThread.IsBackground"/>. A logical thread ignores it: every one must be joined before the test body returns.</summary>
    /// <param name="thread">The thread.</param>
    /// <param name="value">Whether the thread is a background thread.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ThreadStateException">Outside an execution: the thread is dead.</exception>
    public static void set_IsBackground(RealThread thread, bool value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.IsBackground", file, line) is { } me)
            State(me, StandIn.NotNull(thread)).IsBackground = value;
        else
            thread.IsBackground = value;
    }

    /// <summary>Stands in for <see cref="RealThread.Interrupt"/>. Loom does not model interrupts: inside an execution it throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="thread">The thread to interrupt.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="NotSupportedException">Called inside a Loom execution.</exception>
    public static void Interrupt(RealThread thread, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Thread.Interrupt", file, line) is not null)
        {
            throw new NotSupportedException(Threading.Blocking.NotSupported(
                "Thread.Interrupt",
                "Loom does not model interrupting a thread blocked in a wait. Signal the thread through an event or a cancellation token instead."));
        }
        thread.Interrupt();
    }

    /// <summary>What this execution knows of a real thread object, made on the execution's first use of it.</summary>
    private static ThreadObjectState State(LogicalThread me, RealThread thread) =>
        me.Execution.ModelOf(thread, static (execution, key) => new ThreadObjectState(execution, (RealThread)key));

    private static RealThread Record(RealThread thread, Action<object?> start, bool takesParameter)
    {
        s_starts.AddOrUpdate(thread, new StartRecord(start, takesParameter));
        return thread;
    }

    private static void StartModel(LogicalThread me, RealThread thread, object? parameter, bool withParameter, string? file, int line)
    {
        var state = State(me, thread);
        if (state.Logical is not null || state.StartedOutside)
            throw new ThreadStateException(ThreadModel.AlreadyStarted);
        if (!s_starts.TryGetValue(thread, out var start))
        {
            throw StandIn.Uncontrolled(
                me,
                $"A System.Threading.Thread{(thread.Name is { } name ? $" '{name}'" : "")} constructed by code that Loom did not rewrite was started inside the execution: " +
                "Loom cannot see what it would run, so it cannot schedule it, and running it as a real thread would test nothing. " +
                "Rewrite the assembly that constructs it (add it to the assemblies the Loom build rewrites), or construct it with Loom.Threading.Thread",
                file,
                line);
        }
        if (withParameter && !start.TakesParameter)
            throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter.");
        var logical = ThreadModel.Create(me, () => start.Run(parameter), state.Name, null, file, line);
        logical.RealThread = thread;
        state.Logical = logical;
        ThreadModel.Launch(me, logical);
    }

    private static bool JoinModel(LogicalThread me, RealThread thread, int millisecondsTimeout, string? file, int line)
    {
        var state = State(me, thread);
        if (state.Logical is { } logical)
            return ThreadModel.Join(me, logical, millisecondsTimeout, file, line);
        if (!state.StartedOutside)
            throw new ThreadStateException(ThreadModel.NotStarted);
        if (!thread.IsAlive)
            return true;
        throw StandIn.Uncontrolled(
            me,
            $"Thread.Join inside the execution waited for a real thread (managed thread {thread.ManagedThreadId}) that was started outside it: Loom does not control it, so the join would block outside Loom's control. " +
            "Start the thread inside the execution",
            file,
            line);
    }

    /// <summary>What a thread constructed by rewritten code runs, and whether it came from a <see cref="ParameterizedThreadStart"/> (Start(object) refuses a <see cref="ThreadStart"/>, as in .NET).</summary>
    private sealed record StartRecord(Action<object?> Run, bool TakesParameter);
}
