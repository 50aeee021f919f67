using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Loom.Runtime;

namespace Loom.Reporting;

/// <summary>
/// Turns a failing execution into what a person reads: the failure, the interleaving step by step (thread,
/// operation, target, value, source line, preemptions marked), and how to replay exactly this execution.
/// </summary>
internal static class FailureReport
{
    /// <summary>The report of one failing execution.</summary>
    /// <param name="execution">The failing execution.</param>
    /// <param name="failure">What failed.</param>
    /// <param name="seed">The seed that names the execution (random and PCT), or <see langword="null"/>.</param>
    /// <param name="executions">How many executions ran, this one included.</param>
    /// <param name="options">The exploration's options.</param>
    /// <param name="wholeTraceToFile">Whether a long interleaving is also written whole to a file (<see cref="TraceFile"/>).</param>
    public static LoomFailure Build(Execution execution, ExecutionFailure failure, long? seed, int executions, LoomOptions options, bool wholeTraceToFile = true)
    {
        // Random and PCT executions are named by their seed; any other execution that drew from its random source
        // needs the seed it used to replay.
        var replaySeed = seed ?? (execution.Seed != 0 ? execution.Seed : null);
        var trace = Trace(execution);
        var schedule = execution.ScheduleId.ToString();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Loom found a failure ({Describe(failure.Kind)}) in execution {executions}");
        text.Append(seed is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (seed {seed})"));
        text.Append(CultureInfo.InvariantCulture, $", after {execution.Step} steps.\n\n");
        text.Append(failure.Message.TrimEnd()).Append("\n\n");
        var notes = execution.Notes.Select(n => new TraceNote(n.Step, TimeSpan.FromTicks(n.Time), n.Text)).ToList();
        AppendNotes(text, notes);
        var wholeTrace = trace.Count <= ShownHead + ShownTail ? null
            : wholeTraceToFile ? TraceFile.Write(trace, schedule)
            : "the whole interleaving is in this failure's LoomFailure.Trace";
        AppendTrace(text, trace, schedule, wholeTrace);
        if (trace.Any(t => t.Value?.Contains("(stale:", StringComparison.Ordinal) == true))
        {
            text.Append("A stale value was read from an older store while newer ones existed. The .NET memory model allows it (ARM64 hardware does it):\n");
            text.Append("nothing ordered that load after the newer stores, so in real time it ran before they reached its thread.\n");
        }
        if (execution.RanUnseenCode)
            text.Append("Warning: ").Append(execution.Unseen.Warning).Append(".\n");
        text.Append('\n');
        var seedOption = replaySeed is null ? "" : string.Create(CultureInfo.InvariantCulture, $", Seed = {replaySeed}");
        text.Append(CultureInfo.InvariantCulture, $"Replay exactly this execution with schedule \"{schedule}\": LoomOptions {{ Schedule = \"{schedule}\"{seedOption} }}");
        // [LoomTheory] has no Seed: a schedule alone replays only an execution that drew no random value.
        if (replaySeed is null)
            text.Append(CultureInfo.InvariantCulture, $", or [LoomTheory(Schedule = \"{schedule}\")]");
        text.Append('.');
        if (seed is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nOr re-run its seed: LoomOptions {{ Strategy = LoomStrategy.{options.Strategy}, Seed = {seed}, Iterations = 1 }}");
            text.Append(", or ").Append(TheoryForSeed(seed.Value, options)).Append('.');
        }
        text.Append('\n');
        return new LoomFailure(failure.Kind, failure.Message, schedule, seed, trace, failure.Exception, failure.Thread, text.ToString()) { Notes = notes };
    }

    /// <summary>The attribute whose one seed case is this seed (a theory's seed case runs with the theory's strategy).</summary>
    private static string TheoryForSeed(long seed, LoomOptions options)
    {
        var depth = options.Strategy == LoomStrategy.Pct ? string.Create(CultureInfo.InvariantCulture, $", PctDepth = {options.PctDepth}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"[LoomTheory(Strategy = LoomStrategy.{options.Strategy}, FirstSeed = {seed}, Seeds = 1{depth})]");
    }

    private static string Describe(FailureKind kind) => kind switch
    {
        FailureKind.Exception => "an exception in a thread",
        FailureKind.Deadlock => "deadlock",
        FailureKind.StepBoundExceeded => "step bound exceeded",
        FailureKind.ThreadLeaked => "thread still running at the end",
        FailureKind.LockLeaked => "lock still held at the end",
        FailureKind.Nondeterminism => "nondeterminism",
        FailureKind.ScheduleDiverged => "schedule does not fit the code",
        FailureKind.UncontrolledConcurrency => "code escaped Loom's control",
        FailureKind.Stalled => "thread stalled outside Loom's control",
        FailureKind.NothingControlled => "nothing was controlled",
        FailureKind.DataRace => "data race",
        FailureKind.StoreHistoryExceeded => "store history bound exceeded",
        _ => kind.ToString(),
    };

    private static List<TraceStep> Trace(Execution execution)
    {
        var stale = execution.ScheduleId.Decisions
            .Where(d => d.Kind == ScheduleDecisionKind.Value)
            .ToDictionary(d => d.Step, d => d.Choice);
        var trace = new List<TraceStep>(execution.Steps.Count);
        for (var i = 0; i < execution.Steps.Count; i++)
        {
            var s = execution.Steps[i];
            var op = s.Operation;
            trace.Add(new TraceStep(
                i,
                s.Thread,
                s.ThreadName?.ToString(),
                op.Name,
                op.Target?.ToString(),
                stale.TryGetValue(i, out var newer)
                    ? $"{TraceValues.Format(s.Value)} (stale: {newer} newer store{(newer == 1 ? "" : "s")} not seen)"
                    : TraceValues.Format(s.Value),
                op.File,
                op.Line,
                s.IsPreemption,
                TimeSpan.FromTicks(s.Time)));
        }
        return trace;
    }

    /// <summary>Writes the simulated world's events (its fault plan), one line each with its time and step, before the interleaving.</summary>
    private static void AppendNotes(StringBuilder text, IReadOnlyList<TraceNote> notes)
    {
        if (notes.Count == 0)
            return;
        text.Append("What happened in the simulated world (faults and node events, by simulated time and step):\n");
        foreach (var note in notes)
        {
            var step = note.Step < 0 ? "start" : note.Step.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"  {note.Time:hh\\:mm\\:ss\\.fff}  step {step,-6}  {note.Text}\n");
        }
        text.Append('\n');
    }

    /// <summary>Steps a long interleaving shows from its start: how the threads got going.</summary>
    public const int ShownHead = 40;

    /// <summary>Steps a long interleaving shows from its end: where it failed, and the cycle of a livelock.</summary>
    public const int ShownTail = 120;

    /// <summary>
    /// Writes the interleaving as an aligned table, one row per step, preemptions marked with <c>*</c>. A trace longer
    /// than <see cref="ShownHead"/> plus <see cref="ShownTail"/> steps shows only those, with one line saying how many
    /// were left out and where the whole table is.
    /// </summary>
    /// <param name="text">Where to write.</param>
    /// <param name="trace">The steps.</param>
    /// <param name="schedule">The schedule id, for the heading.</param>
    /// <param name="wholeTrace">
    /// For a long trace: the sentence that says where the whole table was written (see <see cref="TraceFile"/>);
    /// <see langword="null"/> writes every step.
    /// </param>
    public static void AppendTrace(StringBuilder text, IReadOnlyList<TraceStep> trace, string schedule, string? wholeTrace = null)
    {
        text.Append(CultureInfo.InvariantCulture, $"Interleaving (schedule {schedule}; * marks a preemption):\n");
        var timed = trace.Any(s => s.Time > TimeSpan.Zero);
        var leftOut = wholeTrace is null ? 0 : trace.Count - ShownHead - ShownTail;
        var shown = leftOut > 0 ? trace.Take(ShownHead).Concat(trace.Skip(trace.Count - ShownTail)) : trace;
        var rows = shown.Select(s => new[]
        {
            (s.IsPreemption ? "* " : "  ") + s.Step.ToString(CultureInfo.InvariantCulture),
            timed ? s.Time.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) : "",
            s.ThreadName is null ? $"thread {s.ThreadId}" : $"thread {s.ThreadId} '{s.ThreadName}'",
            s.Operation,
            s.Target ?? "",
            s.Value ?? "",
            SourceText.Location(s.File, s.Line),
        }).ToList();
        var header = new[] { "  step", timed ? "time" : "", "thread", "operation", "target", "value", "location" };
        var columns = Enumerable.Range(0, header.Length).Where(c => c != 1 || timed).ToArray();
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        AppendRow(text, columns.Select(c => header[c]).ToArray(), columns.Select(c => widths[c]).ToArray());
        for (var i = 0; i < rows.Count; i++)
        {
            if (leftOut > 0 && i == ShownHead)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  ... {leftOut:N0} steps left out (steps {ShownHead:N0} to {trace.Count - ShownTail - 1:N0}); {wholeTrace} ...\n");
            }
            AppendRow(text, columns.Select(c => rows[i][c]).ToArray(), columns.Select(c => widths[c]).ToArray());
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var row = new StringBuilder("  ");
        for (var c = 0; c < cells.Length; c++)
        {
            row.Append(c == 0 ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
            if (c < cells.Length - 1)
                row.Append("  ");
        }
        text.Append(row.ToString().TrimEnd()).Append('\n');
    }
}
