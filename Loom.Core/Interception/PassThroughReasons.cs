namespace Loom.Interception;

/// <summary>
/// The reasons several classes of stand-ins give in their <see cref="PassesThroughAttribute"/> and
/// <see cref="NotInterceptedYetAttribute"/> declarations, written once so that the same reason reads the same
/// everywhere. A reason only one class gives stays on that class.
/// </summary>
internal static class PassThroughReasons
{
    /// <summary>A member that only reads the object's state.</summary>
    public const string State = "reads state, starts and waits for nothing";

    /// <summary>A task or value task that is complete when it is made.</summary>
    public const string Completed = "a task completed already";

    /// <summary>A task's constructor: the task only starts when its Start is called.</summary>
    public const string Unstarted = "makes an unstarted task; its Start is intercepted";

    /// <summary>Settings and the objects that carry them.</summary>
    public const string Configuration = "configuration that starts nothing";

    /// <summary><c>WaitAsync(CancellationToken)</c>, the overload without a timeout.</summary>
    public const string WaitWithoutTimeout = "no timer: completes with the task or the token's cancellation";

    /// <summary>TaskFactory's APM wrappers.</summary>
    public const string FromAsync = "wraps the APM pattern: completes where the asynchronous operation's callback runs (real I/O is outside any model)";

    /// <summary>An awaiter's OnCompleted and UnsafeOnCompleted.</summary>
    public const string OnCompleted = "the continuation comes back through the context it captured, which inside an execution is Loom's (the ConfigureAwait stand-ins always capture it)";

    /// <summary>A value type's equality members.</summary>
    public const string ValueEquality = "value equality";

    /// <summary>GetElapsedTime(long, long) of Stopwatch and TimeProvider.</summary>
    public const string TimestampArithmetic = "arithmetic on two timestamps the caller read";

    /// <summary>Everything of DateTime and DateTimeOffset but the clock reads.</summary>
    public const string NoClock = "value arithmetic, parsing and formatting: no clock";

    /// <summary>The constructors of ManualResetEvent and AutoResetEvent.</summary>
    public const string ResetModeOfTheType = "the reset mode is the type's, so there is nothing to record; its Set, Reset and waits are EventWaitHandle's and WaitHandle's stand-ins";

    /// <summary>A member fixed when the object was constructed.</summary>
    public const string FixedAtConstruction = "fixed at construction; reading it synchronizes nothing";

    /// <summary>A continuation (ContinueWith, ContinueWhenAll, ContinueWhenAny) without a stand-in.</summary>
    public const string ContinuationNotYet = "a continuation on the default scheduler runs on the real thread pool; inside an execution it is reported as uncontrolled concurrency when it touches Loom";
}
