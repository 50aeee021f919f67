namespace Loom.Cases;

/// <summary>
/// The trait (xUnit) or category/property (NUnit, MSTest) names every Loom case carries, for filtering, for
/// example <c>dotnet test --filter "LoomSchedule=1@3 0@5"</c>.
/// </summary>
public static class LoomTraits
{
    /// <summary>The schedule id of a single-schedule case.</summary>
    public const string Schedule = "LoomSchedule";

    /// <summary>The seed of a random or PCT case.</summary>
    public const string Seed = "LoomSeed";

    /// <summary>The range of a grouped case, for example <c>1-12</c>, or <c>after 10000</c>, or <c>all</c>.</summary>
    public const string Group = "LoomGroup";

    /// <summary>The strategy of the theory: <c>Exhaustive</c>, <c>Random</c> or <c>Pct</c>.</summary>
    public const string Strategy = "LoomStrategy";

    /// <summary><c>true</c> on cases that come from the regressions file.</summary>
    public const string Regression = "LoomRegression";
}
