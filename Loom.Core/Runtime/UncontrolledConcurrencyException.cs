using System;

namespace Loom.Runtime;

/// <summary>Thrown on a thread that escaped Loom's control when it calls the mirror, after the execution was failed.</summary>
internal sealed class UncontrolledConcurrencyException : Exception
{
    public UncontrolledConcurrencyException(string message)
        : base(message)
    {
    }
}
