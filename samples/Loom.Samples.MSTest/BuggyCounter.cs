using System.Threading;

namespace Loom.Samples.MSTest;

/// <summary>
/// A counter with a lost-update bug, in plain .NET: <see cref="Increment"/> reads the value under the lock, then
/// writes it plus one under the lock again, so two threads can both read 0 and both write 1. Each critical section
/// is correct; the pair is not.
/// </summary>
public sealed class BuggyCounter
{
    private readonly object _gate = new();
    private int _value;

    public int Value
    {
        get
        {
            lock (_gate)
                return _value;
        }
    }

    public void Increment()
    {
        int current;
        lock (_gate)
            current = _value;
        // Another thread can take the lock between the read above and the write below.
        lock (_gate)
            _value = current + 1;
    }
}
