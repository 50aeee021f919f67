using System.Diagnostics;
using System.Globalization;
using Loom.Simulation;
using Loom.Threading.Tasks;

namespace Loom.Bench;

/// <summary>Async models and virtual time: executions per second, and simulated seconds per wall second.</summary>
internal static class AsyncAndTime
{
    public static void Run(Report report)
    {
        var runToEnd = Rate(BenchModels.ThreeTasks, 20_000);
        var midway = Rate(ThreeTasksStoppingMidway, 20_000);
        var midwayUnnested = Rate(ThreeTasksStoppingMidway, 20_000, nesting: false);
        report.Table(
            "Async model with 3 tasks",
            "Three LoomTask.Run tasks awaited with Task.WhenAll, random strategy, 20,000 seeds per run, median of 5 runs. " +
            "\"Run to their end\": each task awaits Task.Yield and increments a shared counter. \"Stop midway\": each task also " +
            "does an Interlocked.Increment before its await, a scheduling point inside the task, so the thread whose OS thread " +
            "runs it may have to resume first and the execution runs again with the task on a worker (restarts per 1,000). " +
            "OS thread handoffs: logical threads handed to pooled workers per execution.",
            ["model", "steps per execution", "executions/s", "restarts per 1,000 executions", "worker handoffs per execution", "target"],
            [Row("3 tasks that run to their end", runToEnd), Row("3 tasks that stop midway", midway), Row("3 tasks that stop midway, all work on workers", midwayUnnested)]);

        var (simulated, wall, executions) = TimerHeavy();
        var backoffWall = Backoff();
        report.Table(
            "Virtual time",
            "Timer-heavy: 10 periodic timers (1 s to 10 s periods) ticking for one simulated hour in each execution, 20 seeds. " +
            "Backoff: a retry loop with exponential backoff that waits 4,095 simulated seconds.",
            ["workload", "simulated time", "wall time", "simulated seconds per wall second", "target"],
            [
                [$"timer-heavy ({executions} executions)", $"{simulated.TotalHours:0} h", $"{wall.TotalMilliseconds:N0} ms", (simulated.TotalSeconds / wall.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture), ">= 1,000"],
                ["retry with backoff (1 execution)", "4,095 s", $"{backoffWall.TotalMilliseconds:N1} ms", (4095 / backoffWall.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture), "well under 1 s of wall time"],
            ]);
    }


    private static async Task ThreeTasksStoppingMidway()
    {
        var counter = 0;
        async Task Increment()
        {
            Loom.Threading.Interlocked.Increment(ref counter);
            await Task.Yield();
            counter++;
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
    }

    private sealed record AsyncRate(double Steps, double Rate, double RestartsPerThousand, double HandoffsPerExecution);

    private static string[] Row(string model, AsyncRate rate) =>
    [
        model,
        rate.Steps.ToString("0.0", CultureInfo.InvariantCulture),
        rate.Rate.ToString("N0", CultureInfo.InvariantCulture),
        rate.RestartsPerThousand.ToString("0.0", CultureInfo.InvariantCulture),
        rate.HandoffsPerExecution.ToString("0.00", CultureInfo.InvariantCulture),
        ">= 100,000",
    ];

    private static AsyncRate Rate(Func<Task> model, int iterations, bool nesting = true)
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = iterations, Nesting = nesting };
        var handoffs = Loom.Runtime.WorkerPool.Shared.ThreadsStarted;
        var warm = LoomModel.Check(model, options);
        handoffs = Loom.Runtime.WorkerPool.Shared.ThreadsStarted - handoffs;
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var executions = LoomModel.Check(model, options).Executions;
            rates.Add(executions / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return new AsyncRate(
            (double)warm.ControlledOperations / warm.Executions,
            rates[2],
            1000.0 * warm.NestingRestarts / warm.Executions,
            (double)handoffs / warm.Executions);
    }

    private static (TimeSpan Simulated, TimeSpan Wall, int Executions) TimerHeavy()
    {
        static async Task Model()
        {
            var clock = Sim.Clock;
            var ticks = 0;
            var timers = new List<System.Threading.ITimer>();
            for (var i = 1; i <= 10; i++)
                timers.Add(clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(i), TimeSpan.FromSeconds(i)));
            await Task.Delay(TimeSpan.FromHours(1), clock);
            foreach (var timer in timers)
                timer.Dispose();
            if (ticks == 0)
                throw new InvalidOperationException("no tick");
        }
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 20, MaxSteps = 1_000_000 };
        LoomModel.Check(Model, options with { Iterations = 1 });
        var clock = Stopwatch.StartNew();
        var result = LoomModel.Check(Model, options);
        return (TimeSpan.FromHours(result.Executions), clock.Elapsed, result.Executions);
    }

    private static TimeSpan Backoff()
    {
        static async Task Model()
        {
            var clock = Sim.Clock;
            var delay = TimeSpan.FromSeconds(1);
            for (var attempt = 0; attempt < 12; attempt++)
            {
                await Task.Delay(delay, clock);
                delay *= 2;
            }
        }
        LoomModel.Check(Model);
        var clock = Stopwatch.StartNew();
        LoomModel.Check(Model);
        return clock.Elapsed;
    }
}
