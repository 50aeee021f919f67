using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Loom.Cases;

/// <summary>
/// One discovered test case of a <c>[LoomTheory]</c>: a schedule, a seed, a group of schedules, the rest of an
/// exploration, or a reported problem. Framework adapters turn it into their own test case, name it with
/// <see cref="DisplayName(string, CaseNameStyle)"/>, tag it with <see cref="Traits(LoomStrategy, bool)"/>, and carry it across processes with
/// <see cref="ToText"/>.
/// </summary>
public sealed class LoomCase
{
    private LoomCase(LoomCaseKind kind)
    {
        Kind = kind;
    }

    /// <summary>What the case runs.</summary>
    public LoomCaseKind Kind { get; private init; }

    /// <summary>The schedule id, for <see cref="LoomCaseKind.Schedule"/>.</summary>
    public string? Schedule { get; private init; }

    /// <summary>The seed, for <see cref="LoomCaseKind.Seed"/>.</summary>
    public long? Seed { get; private init; }

    /// <summary>The schedule ids a <see cref="LoomCaseKind.ScheduleGroup"/> replays, in exploration order.</summary>
    public IReadOnlyList<string> Schedules { get; private init; } = Array.Empty<string>();

    /// <summary>
    /// For a group, the 1-based position of its first schedule in exploration order; for a continued
    /// exploration, the number of schedules listed before it.
    /// </summary>
    public int First { get; private init; }

    /// <summary>The total number of schedules discovery listed, for groups and continued explorations.</summary>
    public int Total { get; private init; }

    /// <summary>Whether the case comes from the regressions file (and so runs first).</summary>
    public bool FromRegressions { get; private init; }

    /// <summary>The problem an <see cref="LoomCaseKind.Invalid"/> case reports.</summary>
    public string? Problem { get; private init; }

    /// <summary>A short name for the problem of an invalid case, shown in its display name, or <see langword="null"/>.</summary>
    public string? ProblemLabel { get; private init; }

    /// <summary>The 1-based position of the group's last schedule.</summary>
    public int Last => First + Schedules.Count - 1;

    /// <summary>A case that replays one schedule.</summary>
    /// <param name="scheduleId">The schedule id, canonical (<c>1@3 0@5</c>) or filter-safe (<c>1@3_0@5</c>).</param>
    /// <param name="fromRegressions">Whether it comes from the regressions file.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForSchedule(string scheduleId, bool fromRegressions = false) =>
        new(LoomCaseKind.Schedule) { Schedule = ScheduleId.Parse(ScheduleText.Canonical(scheduleId)).ToString(), FromRegressions = fromRegressions };

    /// <summary>A case that runs one seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="fromRegressions">Whether it comes from the regressions file.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForSeed(long seed, bool fromRegressions = false) =>
        new(LoomCaseKind.Seed) { Seed = seed, FromRegressions = fromRegressions };

    /// <summary>A case that replays consecutive listed schedules.</summary>
    /// <param name="schedules">The schedule ids.</param>
    /// <param name="first">The 1-based position of the first one in exploration order.</param>
    /// <param name="total">How many schedules discovery listed in all.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForGroup(IReadOnlyList<string> schedules, int first, int total) =>
        new(LoomCaseKind.ScheduleGroup) { Schedules = schedules.ToArray(), First = first, Total = total };

    /// <summary>The case that covers the space past the listed schedules.</summary>
    /// <param name="listed">How many schedules discovery listed.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForContinuedExploration(int listed) =>
        new(LoomCaseKind.ContinuedExploration) { First = listed, Total = listed };

    /// <summary>The case that explores the whole space, when discovery could not list it.</summary>
    /// <param name="why">Why the schedules were not listed, shown when the case runs.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForFullExploration(string why) =>
        new(LoomCaseKind.FullExploration) { Problem = why };

    /// <summary>A case that fails with a problem.</summary>
    /// <param name="problem">The full explanation: what is wrong, where, and how to fix it.</param>
    /// <param name="label">A short label for the display name (for example <c>regressions line 3</c>), or <see langword="null"/> to show the bare method name.</param>
    /// <returns>The case.</returns>
    public static LoomCase ForProblem(string problem, string? label = null) =>
        new(LoomCaseKind.Invalid) { Problem = problem, ProblemLabel = label };

    /// <summary>This case, marked as coming from the regressions file.</summary>
    /// <returns>The marked case.</returns>
    public LoomCase AsRegression() => new(Kind)
    {
        Schedule = Schedule,
        Seed = Seed,
        Schedules = Schedules,
        First = First,
        Total = Total,
        Problem = Problem,
        ProblemLabel = ProblemLabel,
        FromRegressions = true,
    };

    /// <summary>
    /// The bracketed part of the display name: <c>schedule 1@3 0@5</c>, <c>seed 17</c>,
    /// <c>schedules 13-24 of 1000</c>, <c>schedules after 10000</c>, <c>all schedules</c>, or the problem label.
    /// </summary>
    public string? Label => Kind switch
    {
        LoomCaseKind.Schedule => $"schedule {Schedule}",
        LoomCaseKind.Seed => $"seed {Seed!.Value.ToString(CultureInfo.InvariantCulture)}",
        LoomCaseKind.ScheduleGroup => $"schedules {First}-{Last} of {Total}",
        LoomCaseKind.ContinuedExploration => $"schedules after {First}",
        LoomCaseKind.FullExploration => "all schedules",
        _ => ProblemLabel,
    };

    /// <summary>The case's display name: <c>Method [schedule 1@3 0@5]</c>, with <c> (regression)</c> for regressions.</summary>
    /// <param name="methodDisplayName">The framework's display name of the test method.</param>
    /// <returns>The display name.</returns>
    public string DisplayName(string methodDisplayName) => DisplayName(methodDisplayName, CaseNameStyle.Bracketed);

    /// <summary>
    /// The case's name in a framework's style: <c>Method [schedule 1@3 0@5]</c> (bracketed) or
    /// <c>Method(schedule 1@3 0@5)</c> (parenthesized); regressions are marked <c> (regression)</c> or
    /// <c>, regression</c> inside the parentheses.
    /// </summary>
    /// <param name="methodDisplayName">The framework's name of the test method.</param>
    /// <param name="style">How the label is attached.</param>
    /// <returns>The name.</returns>
    public string DisplayName(string methodDisplayName, CaseNameStyle style)
    {
        if (style == CaseNameStyle.Parenthesized)
        {
            var parts = new List<string>(2);
            if (Label is not null)
                parts.Add(Label);
            if (FromRegressions)
                parts.Add("regression");
            return parts.Count == 0 ? methodDisplayName : $"{methodDisplayName}({string.Join(", ", parts)})";
        }
        var name = Label is null ? methodDisplayName : $"{methodDisplayName} [{Label}]";
        return FromRegressions ? name + " (regression)" : name;
    }

    /// <summary>
    /// The identity of the case within its method, stable for the same build: feeds the framework's unique id.
    /// </summary>
    public string Key => Kind switch
    {
        LoomCaseKind.Schedule => "schedule:" + Schedule,
        LoomCaseKind.Seed => "seed:" + Seed!.Value.ToString(CultureInfo.InvariantCulture),
        LoomCaseKind.ScheduleGroup => $"group:{First}-{Last}/{Total}",
        LoomCaseKind.ContinuedExploration => $"after:{First}",
        LoomCaseKind.FullExploration => "all",
        _ => "invalid:" + (ProblemLabel ?? "") + ":" + Problem,
    } + (FromRegressions ? ":regression" : "");

    /// <summary>The traits to attach, as name/value pairs (see <see cref="LoomTraits"/>).</summary>
    /// <param name="strategy">The theory's strategy.</param>
    /// <returns>The traits.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> Traits(LoomStrategy strategy) => Traits(strategy, filterSafe: false);

    /// <summary>The traits to attach, as name/value pairs (see <see cref="LoomTraits"/>).</summary>
    /// <param name="strategy">The theory's strategy.</param>
    /// <param name="filterSafe">
    /// Whether values must hold no whitespace (see <see cref="ScheduleText.FilterSafe"/>), for a filter that splits
    /// at whitespace: schedule <c>1@3_0@5</c>, group <c>after_10000</c>.
    /// </param>
    /// <returns>The traits.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> Traits(LoomStrategy strategy, bool filterSafe)
    {
        if (filterSafe)
            return Traits(strategy, filterSafe: false).Select(t => new KeyValuePair<string, string>(t.Key, ScheduleText.FilterSafe(t.Value))).ToArray();

        var traits = new List<KeyValuePair<string, string>> { new(LoomTraits.Strategy, LoomTheorySettings.StrategyName(strategy)) };
        switch (Kind)
        {
            case LoomCaseKind.Schedule:
                traits.Add(new(LoomTraits.Schedule, Schedule!));
                break;
            case LoomCaseKind.Seed:
                traits.Add(new(LoomTraits.Seed, Seed!.Value.ToString(CultureInfo.InvariantCulture)));
                break;
            case LoomCaseKind.ScheduleGroup:
                traits.Add(new(LoomTraits.Group, $"{First}-{Last}"));
                break;
            case LoomCaseKind.ContinuedExploration:
                traits.Add(new(LoomTraits.Group, $"after {First}"));
                break;
            case LoomCaseKind.FullExploration:
                traits.Add(new(LoomTraits.Group, "all"));
                break;
        }
        if (FromRegressions)
            traits.Add(new(LoomTraits.Regression, "true"));
        return traits;
    }

    /// <summary>
    /// The traits as test categories, <c>Name:value</c> (<c>LoomSchedule:1@3 0@5</c>, <c>LoomSeed:17</c>,
    /// <c>LoomStrategy:Pct</c>, <c>LoomRegression</c>), for frameworks that can tag a data row only with categories
    /// (MSTest). A colon, since <c>=</c> inside a filter value would end it.
    /// </summary>
    /// <param name="strategy">The theory's strategy.</param>
    /// <returns>The categories.</returns>
    public IReadOnlyList<string> Categories(LoomStrategy strategy) =>
        Traits(strategy).Select(t => t.Key == LoomTraits.Regression ? LoomTraits.Regression : LoomTraits.Category(t.Key, t.Value)).ToArray();

    /// <summary>The case as text, for serialization across process boundaries (see <see cref="Parse"/>).</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var pairs = new List<KeyValuePair<string, string>> { new("kind", Kind.ToString()) };
        if (Schedule is not null)
            pairs.Add(new("schedule", Schedule));
        if (Seed is { } seed)
            pairs.Add(new("seed", seed.ToString(CultureInfo.InvariantCulture)));
        if (Schedules.Count > 0)
            pairs.Add(new("schedules", string.Join(",", Schedules)));
        if (First != 0)
            pairs.Add(new("first", First.ToString(CultureInfo.InvariantCulture)));
        if (Total != 0)
            pairs.Add(new("total", Total.ToString(CultureInfo.InvariantCulture)));
        if (FromRegressions)
            pairs.Add(new("regression", "true"));
        if (Problem is not null)
            pairs.Add(new("problem", Problem));
        if (ProblemLabel is not null)
            pairs.Add(new("label", ProblemLabel));
        return KeyValueText.Write(pairs);
    }

    /// <summary>Reads a case written by <see cref="ToText"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The case.</returns>
    /// <exception cref="FormatException">The text is not a case.</exception>
    public static LoomCase Parse(string text)
    {
        LoomCase? result = null;
        foreach (var (key, value) in KeyValueText.Read(text))
        {
            if (key == "kind")
            {
                result = Enum.TryParse<LoomCaseKind>(value, out var kind)
                    ? new LoomCase(kind)
                    : throw new FormatException($"'{value}' is not a Loom case kind.");
                continue;
            }
            if (result is null)
                throw new FormatException($"Loom case text '{text}' does not start with its kind.");
            result = key switch
            {
                "schedule" => result.With(c => c.Schedule = value),
                "seed" => result.With(c => c.Seed = KeyValueText.ParseLong(key, value)),
                "schedules" => result.With(c => c.Schedules = value.Split(',')),
                "first" => result.With(c => c.First = KeyValueText.ParseInt(key, value)),
                "total" => result.With(c => c.Total = KeyValueText.ParseInt(key, value)),
                "regression" => result.With(c => c.FromRegressions = value == "true"),
                "problem" => result.With(c => c.Problem = value),
                "label" => result.With(c => c.ProblemLabel = value),
                _ => throw new FormatException($"Unknown Loom case field '{key}' in '{text}'."),
            };
        }
        return result ?? throw new FormatException($"Loom case text '{text}' is empty.");
    }

    private LoomCase With(Action<Builder> change)
    {
        var builder = new Builder(this);
        change(builder);
        return builder.Build();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();

    /// <summary>Mutable copy used only while parsing, so the public type stays immutable.</summary>
    private sealed class Builder(LoomCase from)
    {
        public string? Schedule = from.Schedule;
        public long? Seed = from.Seed;
        public IReadOnlyList<string> Schedules = from.Schedules;
        public int First = from.First;
        public int Total = from.Total;
        public bool FromRegressions = from.FromRegressions;
        public string? Problem = from.Problem;
        public string? ProblemLabel = from.ProblemLabel;

        public LoomCase Build() => new(from.Kind)
        {
            Schedule = Schedule,
            Seed = Seed,
            Schedules = Schedules,
            First = First,
            Total = Total,
            FromRegressions = FromRegressions,
            Problem = Problem,
            ProblemLabel = ProblemLabel,
        };
    }
}
