using System;

namespace Loom.NUnit;

/// <summary>
/// An execution failed in NUnit's set-up or tear-down (or a failure NUnit recorded without an exception): what NUnit
/// reported, thrown on Loom's main thread so the execution counts as failed and its interleaving is reported.
/// </summary>
public sealed class NUnitResultException : Exception
{
    private readonly string? _stackTrace;

    /// <summary>Creates the exception.</summary>
    public NUnitResultException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">NUnit's result label and message.</param>
    public NUnitResultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">NUnit's result label and message.</param>
    /// <param name="innerException">The cause, if known.</param>
    public NUnitResultException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the stack trace NUnit recorded.</summary>
    /// <param name="message">NUnit's result label and message.</param>
    /// <param name="stackTrace">The stack trace NUnit recorded, or <see langword="null"/>.</param>
    /// <returns>The exception.</returns>
    public static NUnitResultException WithStackTrace(string message, string? stackTrace) => new(message, stackTrace);

    private NUnitResultException(string message, string? stackTrace)
        : base(message)
    {
        _stackTrace = stackTrace;
    }

    /// <summary>The stack trace NUnit recorded where the failure happened.</summary>
    public override string? StackTrace => _stackTrace ?? base.StackTrace;
}
