using System;

namespace Loom;

/// <summary>One scheduling point of an execution: which thread did what, to what, with what result, and where.</summary>
/// <param name="Step">The 0-based index of the scheduling point in the execution.</param>
/// <param name="ThreadId">The logical thread that ran the operation (0 is the test body).</param>
/// <param name="ThreadName">The thread's name, if the model gave it one.</param>
/// <param name="Operation">The operation, named as the API the code called (for example <c>Interlocked.CompareExchange</c>).</param>
/// <param name="Target">The object or memory location the operation touched, if any (for example <c>lock#1</c>).</param>
/// <param name="Value">The value the operation read, wrote or returned, if any.</param>
/// <param name="File">The source file of the call, if known.</param>
/// <param name="Line">The source line of the call, or 0 if unknown.</param>
/// <param name="IsPreemption">Whether running this thread here preempted a thread that could have continued.</param>
/// <param name="Time">Virtual time at the step, since the execution started (see <see cref="Simulation.SimClock"/>).</param>
public sealed record TraceStep(
    int Step,
    int ThreadId,
    string? ThreadName,
    string Operation,
    string? Target,
    string? Value,
    string? File,
    int Line,
    bool IsPreemption,
    TimeSpan Time);
