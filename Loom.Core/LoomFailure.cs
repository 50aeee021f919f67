using System;
using System.Collections.Generic;

namespace Loom;

/// <summary>
/// A failing execution: what went wrong, the schedule that reproduces it, and the interleaving that led there.
/// </summary>
public sealed class LoomFailure
{
    internal LoomFailure(
        FailureKind kind,
        string message,
        string scheduleId,
        long? seed,
        IReadOnlyList<TraceStep> trace,
        Exception? exception,
        int? threadId,
        string report)
    {
        Kind = kind;
        Message = message;
        ScheduleId = scheduleId;
        Seed = seed;
        Trace = trace;
        Exception = exception;
        ThreadId = threadId;
        Report = report;
    }

    /// <summary>What went wrong.</summary>
    public FailureKind Kind { get; }

    /// <summary>A one-paragraph statement of the failure, naming threads and source locations.</summary>
    public string Message { get; }

    /// <summary>
    /// The id of the failing schedule. Pass it as <see cref="LoomOptions.Schedule"/> (or
    /// <c>[LoomTheory(Schedule = "...")]</c>) to replay exactly this execution.
    /// </summary>
    public string ScheduleId { get; }

    /// <summary>The seed of the failing execution, for the random and PCT strategies.</summary>
    public long? Seed { get; }

    /// <summary>Every scheduling point of the failing execution, in order.</summary>
    public IReadOnlyList<TraceStep> Trace { get; }

    /// <summary>
    /// The events of the simulated world in the failing execution (its fault plan: partitions, crashes, torn writes,
    /// in order), each with the step during which it happened; empty for models without a simulated world.
    /// </summary>
    public IReadOnlyList<TraceNote> Notes { get; init; } = [];

    /// <summary>The exception that escaped a logical thread, for <see cref="FailureKind.Exception"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>The logical thread the failure is attributed to, if one is.</summary>
    public int? ThreadId { get; }

    /// <summary>
    /// The full human-readable report: the message, the step-by-step interleaving, and how to replay it.
    /// </summary>
    public string Report { get; }

    /// <inheritdoc />
    public override string ToString() => Report;
}
