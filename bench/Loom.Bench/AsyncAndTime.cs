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
        var asyncRate = Rate(ThreeTasks, 20_000, out var steps);
        report.Table(
            "Async model with 3 tasks",
            "Three LoomTask.Run tasks, each awaiting Task.Yield and incrementing a shared counter, awaited with Task.WhenAll. " +
            "Random strategy, 20,000 seeds per run, median of 5 runs.",
            ["model", "steps per execution", "executions/s", "target"],
            [["3 async tasks", steps.ToString("0.0", CultureInfo.InvariantCulture), asyncRate.ToString("N0", CultureInfo.InvariantCulture), ">= 100,000"]]);

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

    private static async Task ThreeTasks()
    {
        var counter = 0;
        async Task Increment()
        {
            await Task.Yield();
            counter++;
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
    }

    private static double Rate(Func<Task> model, int iterations, out double steps)
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = iterations };
        var warm = LoomModel.Check(model, options);
        steps = (double)warm.ControlledOperations / warm.Executions;
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var executions = LoomModel.Check(model, options).Executions;
            rates.Add(executions / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return rates[2];
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
