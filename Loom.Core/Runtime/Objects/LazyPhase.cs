namespace Loom.Runtime.Objects;

/// <summary>What a <see cref="System.Lazy{T}"/>'s state says.</summary>
internal enum LazyPhase
{
    /// <summary>No value yet: the next Value runs the factory (or waits for the thread running it).</summary>
    NotCreated,

    /// <summary>The value is published; every Value returns it.</summary>
    Created,

    /// <summary>The factory threw, and the exception is cached: every Value rethrows it.</summary>
    Faulted,
}
