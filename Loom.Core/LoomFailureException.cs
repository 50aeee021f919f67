using System;

namespace Loom;

/// <summary>Thrown by <see cref="LoomModel.Check(Action, LoomOptions?)"/> when an execution fails.</summary>
public sealed class LoomFailureException : Exception
{
    /// <summary>Creates the exception for a failure.</summary>
    /// <param name="failure">The failing execution.</param>
    public LoomFailureException(LoomFailure failure)
        : base(failure.Report, failure.Exception)
    {
        Failure = failure;
    }

    /// <summary>The failing execution, with its schedule id and trace.</summary>
    public LoomFailure Failure { get; }
}
