namespace Loom.Runtime;

/// <summary>What one scheduling point of an execution did, kept compactly until a report needs it.</summary>
internal struct StepRecord
{
    public int Thread;
    public Operation Operation;
    public bool IsPreemption;
    public object? Value;

    /// <summary>Virtual time at the step, in ticks since the execution started.</summary>
    public long Time;
}
