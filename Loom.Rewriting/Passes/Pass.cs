namespace Loom.Rewriting.Passes;

/// <summary>
/// One concern of the rewrite (synchronization, tasks and timers, time and randomness, shared fields), applied to
/// each method body of a module in turn. A pass changes only the sites of its concern and counts what it changed.
/// </summary>
internal abstract class Pass
{
    /// <summary>The concern's name, as the build message and docs/rewriting.md give it.</summary>
    public abstract string Concern { get; }

    /// <summary>Rewrites the sites of this concern in one method body.</summary>
    public abstract void Rewrite(MethodRewrite method);
}
