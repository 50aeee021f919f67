using System;
using System.Threading;

namespace Loom.Threading;

/// <summary>Validates timeouts the way System.Threading does, with the same exceptions.</summary>
internal static class Timeouts
{
    /// <summary>Converts a timeout to milliseconds, accepting <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static int ToMilliseconds(TimeSpan timeout, string parameter)
    {
        var ms = (long)timeout.TotalMilliseconds;
        if (ms < Timeout.Infinite || ms > int.MaxValue)
            throw new ArgumentOutOfRangeException(parameter, timeout, "The timeout must be -1 (infinite) or a non-negative number of milliseconds no greater than Int32.MaxValue.");
        return (int)ms;
    }

    /// <summary>Checks a millisecond timeout.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void Validate(int millisecondsTimeout, string parameter)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(parameter, millisecondsTimeout, "The timeout must be -1 (infinite) or a non-negative number of milliseconds.");
    }
}
