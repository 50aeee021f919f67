namespace Loom.Runtime;

/// <summary>What one scheduling point of an execution did, kept compactly until a report needs it.</summary>
internal struct StepRecord
{
    public int Thread;

    /// <summary>
    /// The thread's name when it ran the step (a number may later pass to other queued work): a string, or queued
    /// work's <see cref="Async.WorkName"/>, formatted when a report shows it.
    /// </summary>
    public object? ThreadName;
    public Operation Operation;
    public bool IsPreemption;
    public object? Value;

    /// <summary>Virtual time at the step, in ticks since the execution started.</summary>
    public long Time;
}
