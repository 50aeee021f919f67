using System;
using Loom.MSTest;
using Loom.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.Adapters.Tests.MSTest;

// Models whose data rows the MSTest adapter makes; nothing here runs under MSTest (this project runs on xUnit).
[TestClass]
public sealed class MSTestModels
{
    private bool _initialized;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Initialize() => _initialized = true;

    [LoomTheory]
    public void Exhaustive()
    {
        Assert.IsTrue(_initialized);
        Assert.IsNotNull(TestContext);
        TwoIncrements();
    }

    [LoomTheory(Strategy = LoomStrategy.Pct, Seeds = 3, FirstSeed = 5)]
    public void Seeded() => TwoIncrements();

    [LoomTheory(Seeds = 2, PreemptionBound = -1)]
    public void Contradictory() => TwoIncrements();

    [LoomTheory(Strategy = (LoomStrategy)42)]
    public void Unknown_strategy() => TwoIncrements();

    [LoomTheory(StallTimeoutSeconds = 0)]
    public void No_stall_timeout() => TwoIncrements();

    internal static void TwoIncrements()
    {
        var value = 0;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        Interlocked.Increment(ref value);
        t1.Join();
    }
}

[TestClass]
public sealed class MSTestClassInitializeModels
{
    [ClassInitialize]
    public static void Prepare(TestContext context) => GC.KeepAlive(context);

    [LoomTheory]
    public void Needs_class_initialize() => MSTestModels.TwoIncrements();
}
