namespace Loom.Runtime;

/// <summary>
/// A line of text recorded in an execution's trace without a scheduling decision: an event of the simulated world
/// (a partition, a crash, a torn write), attached to the step during which it happened.
/// </summary>
/// <param name="Step">The step during which it happened, or -1 before the first.</param>
/// <param name="Time">Virtual time, in ticks since the execution started.</param>
/// <param name="Text">What happened.</param>
internal readonly record struct ExecutionNote(int Step, long Time, string Text);
