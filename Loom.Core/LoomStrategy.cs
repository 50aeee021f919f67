namespace Loom;

/// <summary>How a Loom run chooses the interleavings it executes.</summary>
public enum LoomStrategy
{
    /// <summary>
    /// Depth-first exploration of every interleaving, pruned by dynamic partial-order reduction and
    /// bounded by <see cref="LoomOptions.PreemptionBound"/>. Finishes with a statement of whether the
    /// space was exhausted.
    /// </summary>
    Exhaustive,

    /// <summary>A seeded random walk: at each scheduling point a uniformly chosen runnable thread runs.</summary>
    Random,

    /// <summary>
    /// Probabilistic concurrency testing (Burckhardt et al.): random thread priorities with
    /// <see cref="LoomOptions.PctDepth"/> - 1 priority change points per execution.
    /// </summary>
    Pct,
}
