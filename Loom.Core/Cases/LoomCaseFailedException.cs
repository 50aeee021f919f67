using System;

namespace Loom.Cases;

/// <summary>
/// A Loom case failed: the message holds the failing interleaving, step by step, and how to re-run exactly that
/// schedule or seed. The inner exception, when there is one, is what the test code threw.
/// </summary>
public sealed class LoomCaseFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure text.</param>
    /// <param name="innerException">What the test code threw, if anything.</param>
    public LoomCaseFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LoomCaseFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure text.</param>
    public LoomCaseFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Loom's failure text does not need the runner's frames under it; the inner exception keeps the user's.</summary>
    public override string? StackTrace => InnerException is null ? base.StackTrace : null;
}
