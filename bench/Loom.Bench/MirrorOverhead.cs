using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Loom.Bench;

/// <summary>
/// What code compiled against Loom.Threading pays outside any Loom execution, against System.Threading, measured
/// side by side by BenchmarkDotNet in one process.
/// </summary>
public class MirrorOverhead
{
    private int _value;
    private readonly object _gate = new();

    [Benchmark(Baseline = true)]
    public int SystemIncrement() => System.Threading.Interlocked.Increment(ref _value);

    [Benchmark]
    public int LoomIncrement() => Loom.Threading.Interlocked.Increment(ref _value);

    [Benchmark]
    public int SystemCompareExchange() => System.Threading.Interlocked.CompareExchange(ref _value, 1, 0);

    [Benchmark]
    public int LoomCompareExchange() => Loom.Threading.Interlocked.CompareExchange(ref _value, 1, 0);

    [Benchmark]
    public void SystemMonitor()
    {
        System.Threading.Monitor.Enter(_gate);
        System.Threading.Monitor.Exit(_gate);
    }

    [Benchmark]
    public void LoomMonitor()
    {
        Loom.Threading.Monitor.Enter(_gate);
        Loom.Threading.Monitor.Exit(_gate);
    }

    internal static void Run(Report report)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddLogger(BenchmarkDotNet.Loggers.NullLogger.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<MirrorOverhead>(config);
        double Mean(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Median;
        string[] Pair(string name, string system, string loom) =>
        [
            name,
            Mean(system).ToString("0.00", CultureInfo.InvariantCulture),
            Mean(loom).ToString("0.00", CultureInfo.InvariantCulture),
            (Mean(loom) - Mean(system)).ToString("+0.00;-0.00", CultureInfo.InvariantCulture),
            "<= 2 ns",
        ];
        report.Table(
            "Mirror overhead outside an execution",
            "BenchmarkDotNet 0.14.0, in-process, median ns per call (a Monitor row is one Enter plus one Exit).",
            ["operation", "System.Threading ns", "Loom.Threading ns", "overhead ns", "target"],
            [
                Pair("Interlocked.Increment", nameof(SystemIncrement), nameof(LoomIncrement)),
                Pair("Interlocked.CompareExchange", nameof(SystemCompareExchange), nameof(LoomCompareExchange)),
                Pair("Monitor.Enter + Exit", nameof(SystemMonitor), nameof(LoomMonitor)),
            ]);
    }
}
