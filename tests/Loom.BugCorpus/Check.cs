using System;

namespace Loom.BugCorpus;

/// <summary>
/// The corpus's assertion. The programs are also run by the benchmark harness, so they cannot use a test
/// framework's Assert: a failed check throws, and Loom reports the exception as the execution's failure.
/// </summary>
public static class Check
{
    /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What the program expects.</param>
    /// <param name="message">What went wrong if it does not hold.</param>
    /// <exception cref="InvalidOperationException">The condition is false.</exception>
    public static void That(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }
}
