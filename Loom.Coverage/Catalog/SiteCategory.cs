namespace Loom.Coverage.Catalog;

/// <summary>The kinds of site a Loom test suite should drive.</summary>
public enum SiteCategory
{
    /// <summary>Atomic memory operations: <c>Interlocked</c>, <c>Volatile</c>, <c>volatile</c> fields, memory barriers.</summary>
    Atomic,

    /// <summary>Synchronization: <c>lock</c>, <c>Monitor</c>, <c>Lock</c>, semaphores, events, wait handles.</summary>
    Sync,

    /// <summary>Reading or waiting on time: clocks, <c>Stopwatch</c>, <c>TimeProvider</c>, <c>Task.Delay</c>, <c>Thread.Sleep</c>, timers.</summary>
    Time,

    /// <summary>Randomness: <c>Random</c>, <c>RandomNumberGenerator</c>, <c>Guid.NewGuid</c>.</summary>
    Random,

    /// <summary>Network IO: sockets, <c>HttpClient</c>, DNS, network streams.</summary>
    NetworkIO,

    /// <summary>File IO: <c>File</c>, <c>FileStream</c>, <c>Directory</c> and friends.</summary>
    FileIO,

    /// <summary>Retry logic the source marks with <c>// LOOM-RETRY: why</c> or a <c>LOOM-RETRY-BEGIN</c>/<c>END</c> region.</summary>
    Retry,
}
