namespace Loom.Cases;

/// <summary>One recorded failure in a regressions file: a method and the schedule or seed that failed.</summary>
/// <param name="MethodKey">The method, as <c>Namespace.Class.Method</c>.</param>
/// <param name="Schedule">The failing schedule id, or <see langword="null"/> for a seed entry.</param>
/// <param name="Seed">The failing seed, or <see langword="null"/> for a schedule entry.</param>
/// <param name="Line">The 1-based line of the entry in its file.</param>
public sealed record RegressionEntry(string MethodKey, string? Schedule, long? Seed, int Line)
{
    /// <summary>The entry as the case it becomes.</summary>
    /// <returns>A schedule or seed case marked as a regression.</returns>
    public LoomCase ToCase() =>
        Schedule is not null ? LoomCase.ForSchedule(Schedule, fromRegressions: true) : LoomCase.ForSeed(Seed!.Value, fromRegressions: true);
}
