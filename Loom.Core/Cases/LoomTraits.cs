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

    /// <summary>What separates a trait's name from its value in a category (<c>LoomSchedule:1@3 0@5</c>).</summary>
    public const char CategorySeparator = ':';

    /// <summary>A trait written as a test category: <c>Name:value</c>.</summary>
    /// <param name="name">The trait's name, for example <see cref="Schedule"/>.</param>
    /// <param name="value">Its value.</param>
    /// <returns>For example <c>LoomSchedule:1@3 0@5</c>.</returns>
    public static string Category(string name, string value) => name + CategorySeparator + value;
}
