using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Loom.Cases;

namespace Loom.Bench.Adapters;

/// <summary>
/// What one Loom case costs against a plain [Fact] running the same body once. The baseline builds the test
/// class, runs the body (Loom.Threading forwards to real threads outside an execution) and disposes it, as xUnit
/// does for a [Fact]; the Loom cases build the same body through the adapter's per-execution construction and run
/// exactly one schedule (replay) or one seed under the controlled scheduler.
/// </summary>
[MemoryDiagnoser]
public class CaseOverheadBenchmarks
{
    private static readonly MethodIdentity Method = new(typeof(CaseOverheadBenchmarks).FullName!, nameof(Body), null);
    private static readonly LoomTheorySettings Exhaustive = new();
    private static readonly LoomTheorySettings Random = new() { Strategy = LoomStrategy.Random, Seeds = 1 };
    private static readonly LoomCase Schedule = LoomCase.ForSchedule("0");
    private static readonly LoomCase Seed = LoomCase.ForSeed(17);

    private CaseBody _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var method = typeof(CaseOverheadBenchmarks).GetMethod(nameof(Body))!;
        _body = CaseBody.From(() =>
        {
            var instance = new TestClassStandIn();
            try
            {
                method.Invoke(null, null);
            }
            finally
            {
                instance.Dispose();
            }
        });
        if (!CaseExecutor.Run(Method, Exhaustive, Schedule, _body, recordRegressions: false).Passed)
            throw new InvalidOperationException("The benchmark body fails under Loom.");
    }

    public static void Body() => BenchModels.TwoIncrements();

    [Benchmark(Baseline = true, Description = "plain [Fact]: body once on real threads")]
    public void PlainFact()
    {
        using var instance = new TestClassStandIn();
        Body();
    }

    [Benchmark(Description = "Loom case: one schedule (replay)")]
    public bool ScheduleCase() => CaseExecutor.Run(Method, Exhaustive, Schedule, _body, recordRegressions: false).Passed;

    [Benchmark(Description = "Loom case: one seed (random)")]
    public bool SeedCase() => CaseExecutor.Run(Method, Random, Seed, _body, recordRegressions: false).Passed;

    private sealed class TestClassStandIn : IDisposable
    {
        public void Dispose() => GC.KeepAlive(this);
    }
}
