using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

/// <summary>
/// Double-checked locking: a value created once under a lock, read without the lock afterwards. With a separate
/// plain flag, a reader can see the flag set and still read the old (null) value; publishing through the
/// reference itself is safe in .NET, because reading a reference orders the initialization of its object.
/// </summary>
public class DoubleCheckedLockingTests
{
    private sealed class Payload
    {
        public TrackedField<int> Answer;

        public Payload() => Answer.Write(42);
    }

    private sealed class FlagThenValue
    {
        private readonly object _gate = new();
        private RacyField<bool> _ready;
        private RacyField<Payload?> _value;

        public Payload Get()
        {
            if (!_ready.Read())
            {
                Monitor.Enter(_gate);
                try
                {
                    if (!_ready.Read())
                    {
                        _value.Write(new Payload());
                        _ready.Write(true);
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
            return _value.Read() ?? throw new InvalidOperationException("The flag said ready, but the value was still null.");
        }
    }

    private sealed class ReferenceAsFlag
    {
        private readonly object _gate = new();
        private RacyField<Payload?> _value;

        public Payload Get()
        {
            var value = _value.Read();
            if (value is null)
            {
                Monitor.Enter(_gate);
                try
                {
                    value = _value.Read();
                    if (value is null)
                    {
                        value = new Payload();
                        _value.Write(value);
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
            return value;
        }
    }

    private sealed class VolatileFlag
    {
        private readonly object _gate = new();
        private int _ready;
        private RacyField<Payload?> _value;

        public Payload Get()
        {
            if (Volatile.Read(ref _ready) == 0)
            {
                Monitor.Enter(_gate);
                try
                {
                    if (Volatile.Read(ref _ready) == 0)
                    {
                        _value.Write(new Payload());
                        Volatile.Write(ref _ready, 1);
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
            return _value.Read() ?? throw new InvalidOperationException("The flag said ready, but the value was still null.");
        }
    }

    private static ExplorationResult Explore(Func<Func<Payload>> create) =>
        LoomModel.Explore(
            () =>
            {
                var get = create();
                int a = 0, b = 0;
                Outcomes.Run(new Thread(() => a = get().Answer.Read()), new Thread(() => b = get().Answer.Read()));
                if (a != 42 || b != 42)
                    throw new InvalidOperationException($"A reader saw an uninitialized payload: {a}, {b}.");
            },
            new LoomOptions { PreemptionBound = null });

    [Fact]
    public void A_separate_plain_flag_lets_a_reader_see_the_flag_before_the_value()
    {
        var result = Explore(() => new FlagThenValue().Get);

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("still null", failure.Exception?.Message ?? failure.Message);
    }

    [Fact]
    public void A_volatile_flag_publishes_the_value_safely()
    {
        var result = Explore(() => new VolatileFlag().Get);

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void Publishing_through_the_reference_itself_is_safe()
    {
        var result = Explore(() => new ReferenceAsFlag().Get);

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }
}
