namespace Loom.Runtime.Objects;

/// <summary>
/// What one execution knows of a real <see cref="System.Threading.Thread"/> object that rewritten code touched:
/// whether it started it (and which logical thread runs it), and the name and background flag as the execution set
/// them. The real object is never changed inside an execution, so each execution starts from its real state.
/// </summary>
internal sealed class ThreadObjectState : ModelObject
{
    public ThreadObjectState(Execution execution, System.Threading.Thread real)
        : base(execution, "Thread")
    {
        Real = real;
        Name = real.Name;
        IsBackground = real.IsBackground;
        StartedOutside = !real.ThreadState.HasFlag(System.Threading.ThreadState.Unstarted);
    }

    /// <summary>The real thread object.</summary>
    public System.Threading.Thread Real { get; }

    /// <summary>The logical thread that runs (or is) this thread in this execution; <see langword="null"/> until started in it.</summary>
    public LogicalThread? Logical { get; set; }

    /// <summary>Whether the real thread had already been started (for real, outside any execution) when this execution first saw it.</summary>
    public bool StartedOutside { get; }

    /// <summary>The thread's name as this execution sees it: the real name, then whatever the execution set.</summary>
    public string? Name { get; set; }

    /// <summary>The background flag as this execution sees it; it has no effect on a logical thread, which must be joined.</summary>
    public bool IsBackground { get; set; }
}
