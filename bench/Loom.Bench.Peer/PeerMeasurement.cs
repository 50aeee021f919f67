using System;
using System.Diagnostics;
using System.Linq;
using Loom.Runtime;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;

namespace Loom.Bench.Peer;

/// <summary>Times one model under each tool with the same budget of executions.</summary>
internal static class PeerMeasurement
{
    /// <summary>One <c>Explore</c> of <paramref name="iterations"/> random executions.</summary>
    public static ToolRun LoomRandom(PeerModel model, int iterations)
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = iterations };
        var before = HandoffTally.Read();
        var clock = Stopwatch.StartNew();
        var result = model.ExploreWithLoom(options);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = HandoffTally.Read();
        var ran = Math.Max(1, after.Executions - before.Executions);
        return new ToolRun(
            result.Executions,
            seconds,
            !result.Passed,
            (double)result.ControlledOperations / result.Executions,
            result.Executions,
            (double)(after.Handoffs - before.Handoffs) / ran,
            (double)(after.OsThreads - before.OsThreads) / ran);
    }

    /// <summary>
    /// Exhaustive explorations with the model's default options, repeated until they have run
    /// <paramref name="iterations"/> executions in all (or one fails): the same budget as the random rows.
    /// </summary>
    public static ToolRun LoomExhaustive(PeerModel model, int iterations)
    {
        var clock = Stopwatch.StartNew();
        var first = model.ExploreWithLoom(model.LoomExhaustiveOptions);
        long executions = first.Executions;
        var failed = !first.Passed;
        while (executions < iterations && !failed)
        {
            var result = model.ExploreWithLoom(model.LoomExhaustiveOptions);
            executions += result.Executions;
            failed = !result.Passed;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new ToolRun(executions, seconds, failed, (double)first.ControlledOperations / first.Executions, first.Executions);
    }

    /// <summary>
    /// One Coyote test of <paramref name="iterations"/> iterations with the random strategy and otherwise Coyote's
    /// default settings (telemetry and progress logging off: neither is part of testing). Engine creation and the run are timed together.
    /// </summary>
    /// <exception cref="InvalidOperationException">The twin is not rewritten, or Coyote saw uncontrolled calls or failed internally: its figures would not be Coyote's.</exception>
    public static ToolRun Coyote(PeerModel model, int iterations)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomStrategy()
            .WithTelemetryEnabled(false);
        var clock = Stopwatch.StartNew();
        using var engine = model.CreateCoyoteEngine(configuration);
        // TestingEngine.Create logs progress to the console; the table is the output here.
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        if (!engine.IsTestRewritten())
            throw new InvalidOperationException($"{model.Name}: the Coyote models' assembly is not rewritten; build the project so that its CoyoteRewriteModels target runs.");
        engine.Run();
        var seconds = clock.Elapsed.TotalSeconds;
        var report = engine.TestReport;
        if (report.UncontrolledInvocations.Count > 0)
            throw new InvalidOperationException($"{model.Name}: Coyote saw uncontrolled calls: {string.Join(", ", report.UncontrolledInvocations)}.");
        if (report.InternalErrors.Count > 0)
            throw new InvalidOperationException($"{model.Name}: Coyote failed internally: {string.Join(" | ", report.InternalErrors)}.");
        var explored = report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths;
        var steps = (double)(report.TotalExploredFairSteps + report.TotalExploredUnfairSteps) / Math.Max(1, explored);
        if (report.NumOfFoundBugs > 0)
            Console.Error.WriteLine($"{model.Name}: Coyote found a bug: {report.BugReports.FirstOrDefault()?.Split('\n')[0]}");
        return new ToolRun(explored, seconds, report.NumOfFoundBugs > 0, steps, explored);
    }
}
