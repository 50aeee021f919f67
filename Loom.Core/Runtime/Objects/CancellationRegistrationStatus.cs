namespace Loom.Runtime.Objects;

/// <summary>The life of a <see cref="CancellationRegistration"/>.</summary>
internal enum CancellationRegistrationStatus
{
    /// <summary>Waiting for the source's cancellation; unregistering it succeeds.</summary>
    Registered,

    /// <summary>Its callback is running; disposing it on another thread waits.</summary>
    Running,

    /// <summary>Its callback ran.</summary>
    Ran,

    /// <summary>Unregistered (disposed, or the source was reset) before its callback ran.</summary>
    Unregistered,
}
