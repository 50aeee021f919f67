using System;
using Loom.NUnit;
using Loom.Threading;
using NUnit.Framework;

namespace Loom.Adapters.Tests.NUnit;

// Models the NUnit adapter builds tests from; nothing here runs under NUnit (this project runs on xUnit).
public sealed class NUnitModels
{
    private int _setUps;

    [SetUp]
    public void SetUp() => _setUps++;

    [LoomTheory]
    public void Exhaustive()
    {
        Assert.That(_setUps, Is.EqualTo(1));
        TwoIncrements();
    }

    [LoomTheory(Strategy = LoomStrategy.Random, Seeds = 3, FirstSeed = 5)]
    public void Seeded() => TwoIncrements();

    [LoomTheory(Seeds = 2, PreemptionBound = -1)]
    public void Contradictory() => TwoIncrements();

    [LoomTheory(Strategy = (LoomStrategy)42)]
    public void Unknown_strategy() => TwoIncrements();

    [LoomTheory(StallTimeoutSeconds = 0)]
    public void No_stall_timeout() => TwoIncrements();

    [LoomTheory]
    public void Takes_a_parameter(int value) => GC.KeepAlive(value);

    [LoomTheory]
    [Ignore("not written yet")]
    public void Ignored() => throw new InvalidOperationException("Discovery must not run an ignored theory.");

    internal static void TwoIncrements()
    {
        var value = 0;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        Interlocked.Increment(ref value);
        t1.Join();
    }
}

public sealed class NUnitOneTimeSetUpModels
{
    [OneTimeSetUp]
    public void Prepare()
    {
    }

    [LoomTheory]
    public void Needs_one_time_set_up() => NUnitModels.TwoIncrements();
}
