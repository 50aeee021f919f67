using Loom.Threading;

namespace Loom.Samples.MSTest;

/// <summary>The fix: one atomic read-modify-write.</summary>
public sealed class FixedCounter
{
    private int _value;

    public int Value => Interlocked.CompareExchange(ref _value, 0, 0);

    public void Increment() => Interlocked.Increment(ref _value);
}
