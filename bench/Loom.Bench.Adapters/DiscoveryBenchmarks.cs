using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Loom.Cases;
using Loom.Xunit;
using Xunit.v3;

namespace Loom.Bench.Adapters;

/// <summary>
/// How long xUnit discovery of one [LoomTheory] with about 1,000 cases takes: seeds (nothing runs), and an
/// exhaustive space listed by exploring it (cold: no case cache; warm: the cache of this build hits, as on every
/// re-discovery after the first).
/// </summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private readonly LoomTheoryDiscoverer _discoverer = new();
    private readonly DiscoveryOptions _options = new();
    private XunitTestMethod _seeds = null!;
    private XunitTestMethod _schedules = null!;

    [GlobalSetup]
    public void Setup()
    {
        var testClass = new XunitTestClass(
            typeof(BenchModels),
            new XunitTestCollection(new XunitTestAssembly(typeof(BenchModels).Assembly, null, null, null), null, false, "bench", null),
            null);
        _seeds = new XunitTestMethod(testClass, typeof(BenchModels).GetMethod(nameof(BenchModels.Thousand_seeds))!, [], null);
        _schedules = new XunitTestMethod(testClass, typeof(BenchModels).GetMethod(nameof(BenchModels.Thousand_schedules))!, [], null);
        Environment.SetEnvironmentVariable(CaseListingCache.DisableVariable, null);
        Check(Discover(_seeds), 1000);
        Check(Discover(_schedules), 1056);
    }

    [Benchmark(Description = "1,000 seeds (random)")]
    public int Seeds() => Discover(_seeds);

    [Benchmark(Description = "1,056 schedules, cold (no cache)")]
    public int SchedulesCold()
    {
        Environment.SetEnvironmentVariable(CaseListingCache.DisableVariable, "0");
        try
        {
            return Discover(_schedules);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CaseListingCache.DisableVariable, null);
        }
    }

    [Benchmark(Description = "1,056 schedules, warm (cache hit)")]
    public int SchedulesWarm() => Discover(_schedules);

    private int Discover(XunitTestMethod method) =>
        _discoverer.Discover(_options, method, method.Method.GetCustomAttribute<LoomTheoryAttribute>()!).Result.Count;

    private static void Check(int actual, int expected)
    {
        if (actual != expected)
            throw new InvalidOperationException($"Discovery found {actual} cases, expected {expected}: the benchmark no longer measures what it says.");
    }
}
