using System;

namespace Loom;

/// <summary>
/// An event of the simulated world recorded in an execution's trace without a scheduling decision: a fault the
/// simulation injected (a partition, a crash, a torn write) or a note the model added.
/// </summary>
/// <param name="Step">The scheduling point during which it happened (see <see cref="TraceStep.Step"/>), or -1 before the first.</param>
/// <param name="Time">Virtual time since the execution started.</param>
/// <param name="Text">What happened.</param>
public sealed record TraceNote(int Step, TimeSpan Time, string Text);
