using Loom.Threading;

namespace Loom.Samples.MSTest;

/// <summary>
/// A counter with a lost-update bug: <see cref="Increment"/> reads the value, then writes it plus one, so two
/// threads can both read 0 and both write 1. Each step is atomic; the pair is not.
/// </summary>
public sealed class BuggyCounter
{
    private int _value;

    public int Value => Interlocked.CompareExchange(ref _value, 0, 0);

    public void Increment()
    {
        var current = Interlocked.CompareExchange(ref _value, 0, 0);
        // Another thread can write between the read above and the write below.
        Interlocked.Exchange(ref _value, current + 1);
    }
}
