using System.Threading;

namespace Loom.Samples.NUnit;

/// <summary>The fix: the read and the write in one critical section.</summary>
public sealed class FixedCounter
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
        lock (_gate)
            _value++;
    }
}
