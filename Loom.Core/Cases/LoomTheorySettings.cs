using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Loom.Cases;

/// <summary>
/// What a <c>[LoomTheory]</c> attribute says, in any test framework: only the options the user set are
/// non-null, so contradictions (seeds with the exhaustive strategy) can be told apart from defaults.
/// </summary>
public sealed record LoomTheorySettings
{
    /// <summary>The <see cref="PreemptionBound"/> value that means "no bound".</summary>
    public const int UnboundedPreemptions = int.MaxValue;

    /// <summary>Seeds used when a random or PCT theory does not set <see cref="Seeds"/>.</summary>
    public const int DefaultSeeds = 100;

    /// <summary>
    /// The most seed cases one theory may discover. Test Explorer and <c>--list-tests</c> become unusable well
    /// before this; a larger search belongs in one <c>LoomModel.Check</c> call.
    /// </summary>
    public const int MaxSeeds = 10_000;

    /// <summary>The stall timeout in seconds when a theory does not set <see cref="StallTimeoutSeconds"/> (<see cref="LoomOptions.StallTimeout"/>'s default).</summary>
    public const int DefaultStallTimeoutSeconds = 10;

    /// <summary>Exhaustive theories list at most this many cases by default; above it, schedules are grouped.</summary>
    public const int DefaultMaxCases = 100;

    /// <summary>
    /// Discovery lists at most this many exhaustive schedules by default; a larger space gets one more case
    /// that continues the exploration past them.
    /// </summary>
    public const int DefaultMaxListedSchedules = 10_000;

    /// <summary>The exploration strategy, or <see langword="null"/> for the default (exhaustive).</summary>
    public LoomStrategy? Strategy { get; init; }

    /// <summary>The preemption bound for exhaustive exploration; <see cref="UnboundedPreemptions"/> for none.</summary>
    public int? PreemptionBound { get; init; }

    /// <summary>For random and PCT: how many seeds, one discovered case each.</summary>
    public int? Seeds { get; init; }

    /// <summary>For random and PCT: the first seed (cases run <c>FirstSeed</c> .. <c>FirstSeed + Seeds - 1</c>).</summary>
    public long? FirstSeed { get; init; }

    /// <summary>For PCT: the bug depth.</summary>
    public int? PctDepth { get; init; }

    /// <summary>The step bound of one execution.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>A schedule id to replay: the theory then has exactly one case, that schedule.</summary>
    public string? Schedule { get; init; }

    /// <summary>Whether every data race on a shared field fails the test (<see cref="LoomOptions.ReportDataRaces"/>).</summary>
    public bool? ReportDataRaces { get; init; }

    /// <summary>Whether a call into code Loom did not see fails the test (<see cref="LoomOptions.FailOnUnseenCode"/>).</summary>
    public bool? FailOnUnseenCode { get; init; }

    /// <summary>For exhaustive theories: the most cases discovery lists before it groups schedules.</summary>
    public int? MaxCases { get; init; }

    /// <summary>For exhaustive theories: the most schedules discovery lists before the rest is one case.</summary>
    public int? MaxListedSchedules { get; init; }

    /// <summary>
    /// How many seconds one logical thread may run between two scheduling points before the execution fails as
    /// stalled (<see cref="LoomOptions.StallTimeout"/>).
    /// </summary>
    public int? StallTimeoutSeconds { get; init; }

    /// <summary>The strategy in effect.</summary>
    public LoomStrategy EffectiveStrategy => Strategy ?? LoomStrategy.Exhaustive;

    /// <summary>Whether the theory explores exhaustively (and not a replay of one schedule).</summary>
    public bool IsExhaustive => EffectiveStrategy == LoomStrategy.Exhaustive && Schedule is null;

    /// <summary>The number of seed cases in effect for random and PCT.</summary>
    public int EffectiveSeeds => Seeds ?? DefaultSeeds;

    /// <summary>The first seed in effect.</summary>
    public long EffectiveFirstSeed => FirstSeed ?? 0;

    /// <summary>The case cap in effect for exhaustive theories.</summary>
    public int EffectiveMaxCases => MaxCases ?? DefaultMaxCases;

    /// <summary>The listing budget in effect for exhaustive theories.</summary>
    public int EffectiveMaxListedSchedules => MaxListedSchedules ?? Math.Max(DefaultMaxListedSchedules, EffectiveMaxCases);

    /// <summary>
    /// Every problem with the settings, each a sentence naming the option, its value and the fix. Empty when the
    /// settings are valid.
    /// </summary>
    /// <returns>The problems, in a stable order.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var strategy = EffectiveStrategy;
        if (!Enum.IsDefined(strategy))
        {
            // Every other rule depends on the strategy, so an unknown one is the only problem worth naming.
            problems.Add($"Strategy = {(int)strategy} is not a LoomStrategy; use {string.Join(", ", Enum.GetNames<LoomStrategy>().Select(n => "LoomStrategy." + n))}.");
            return problems;
        }
        var strategyName = StrategyName(strategy);

        if (PreemptionBound is < 0)
            problems.Add($"PreemptionBound = {PreemptionBound} is negative; use 0 or more, or Unbounded for no bound.");
        if (Seeds is < 1)
            problems.Add($"Seeds = {Seeds} runs nothing; use 1 or more.");
        if (Seeds is > MaxSeeds)
            problems.Add($"Seeds = {Seeds} would discover more than {MaxSeeds} cases; use at most {MaxSeeds}, or call LoomModel.Check with Iterations in a [Fact] for a larger search.");
        if (FirstSeed is < 0)
            problems.Add($"FirstSeed = {FirstSeed} is negative; seeds start at 0.");
        if (PctDepth is < 1)
            problems.Add($"PctDepth = {PctDepth} is below 1; PCT needs a depth of at least 1.");
        if (MaxSteps is < 1)
            problems.Add($"MaxSteps = {MaxSteps} allows no step; use 1 or more.");
        if (MaxCases is < 1)
            problems.Add($"MaxCases = {MaxCases} allows no case; use 1 or more.");
        if (MaxListedSchedules is < 1)
            problems.Add($"MaxListedSchedules = {MaxListedSchedules} lists nothing; use 1 or more.");
        if (StallTimeoutSeconds is < 1)
            problems.Add($"StallTimeoutSeconds = {StallTimeoutSeconds} is not positive; use 1 or more (the default is {DefaultStallTimeoutSeconds}).");
        if (MaxCases is { } cases && MaxListedSchedules is { } listed && cases > listed)
            problems.Add($"MaxCases = {cases} is more than MaxListedSchedules = {listed}; a case holds at least one listed schedule, so use MaxCases <= MaxListedSchedules.");

        if (strategy == LoomStrategy.Exhaustive)
        {
            foreach (var (name, isSet) in new[] { ("Seeds", Seeds is not null), ("FirstSeed", FirstSeed is not null), ("PctDepth", PctDepth is not null) })
            {
                if (isSet)
                    problems.Add($"{name} applies to the Random and Pct strategies, but this theory explores exhaustively; set Strategy = LoomStrategy.Random or LoomStrategy.Pct, or remove {name}.");
            }
        }
        else
        {
            if (PreemptionBound is not null)
                problems.Add($"PreemptionBound applies to exhaustive exploration, but this theory uses the {strategyName} strategy; remove PreemptionBound or the Strategy.");
            if (MaxCases is not null || MaxListedSchedules is not null)
                problems.Add($"MaxCases and MaxListedSchedules apply to exhaustive exploration, but this theory uses the {strategyName} strategy, which discovers one case per seed; remove them.");
            if (strategy == LoomStrategy.Random && PctDepth is not null)
                problems.Add("PctDepth applies to the Pct strategy, but this theory uses Random; set Strategy = LoomStrategy.Pct or remove PctDepth.");
        }

        if (Schedule is not null)
        {
            if (!ScheduleId.TryParse(ScheduleText.Canonical(Schedule), out _, out var why))
                problems.Add($"Schedule = \"{Schedule}\" does not parse: {why}");
            if (strategy != LoomStrategy.Exhaustive)
                problems.Add($"Schedule replays one schedule, which contradicts Strategy = {strategyName}; keep one of them.");
            if (MaxCases is not null || MaxListedSchedules is not null)
                problems.Add("Schedule replays one schedule, so MaxCases and MaxListedSchedules have nothing to limit; remove them.");
        }

        if (problems.Count == 0)
        {
            try
            {
                BaseOptions().Validate();
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }
        return problems;
    }

    /// <summary>
    /// The engine options every case of this theory starts from: strategy, bounds and step limit. Cases then
    /// narrow them to their schedule or seed.
    /// </summary>
    /// <returns>The options.</returns>
    public LoomOptions BaseOptions()
    {
        var options = new LoomOptions { Strategy = EffectiveStrategy };
        if (PreemptionBound is { } bound)
            options = options with { PreemptionBound = bound == UnboundedPreemptions ? null : bound };
        if (PctDepth is { } depth)
            options = options with { PctDepth = depth };
        if (MaxSteps is { } steps)
            options = options with { MaxSteps = steps };
        if (ReportDataRaces is { } races)
            options = options with { ReportDataRaces = races };
        if (FailOnUnseenCode is { } unseen)
            options = options with { FailOnUnseenCode = unseen };
        if (StallTimeoutSeconds is { } stall)
            options = options with { StallTimeout = TimeSpan.FromSeconds(stall) };
        return options;
    }

    /// <summary>The strategy's name as the user writes it in the attribute.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>For example <c>Pct</c>.</returns>
    public static string StrategyName(LoomStrategy strategy) => strategy.ToString();

    /// <summary>
    /// A compact, stable text form (<c>key=value;...</c>, values escaped) used to serialize cases across process
    /// boundaries and to key the case-listing cache.
    /// </summary>
    /// <returns>The text; <see cref="Parse"/> reads it back.</returns>
    public string ToText()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        void Add(string key, object? value)
        {
            if (value is not null)
                pairs.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }
        Add("strategy", Strategy);
        Add("bound", PreemptionBound);
        Add("seeds", Seeds);
        Add("firstSeed", FirstSeed);
        Add("pctDepth", PctDepth);
        Add("maxSteps", MaxSteps);
        Add("schedule", Schedule);
        Add("races", ReportDataRaces);
        Add("unseen", FailOnUnseenCode);
        Add("maxCases", MaxCases);
        Add("maxListed", MaxListedSchedules);
        Add("stall", StallTimeoutSeconds);
        return KeyValueText.Write(pairs);
    }

    /// <summary>Reads the text written by <see cref="ToText"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">The text was not written by <see cref="ToText"/>.</exception>
    public static LoomTheorySettings Parse(string text)
    {
        var settings = new LoomTheorySettings();
        foreach (var (key, value) in KeyValueText.Read(text))
        {
            settings = key switch
            {
                "strategy" => settings with { Strategy = Enum.Parse<LoomStrategy>(value) },
                "bound" => settings with { PreemptionBound = KeyValueText.ParseInt(key, value) },
                "seeds" => settings with { Seeds = KeyValueText.ParseInt(key, value) },
                "firstSeed" => settings with { FirstSeed = KeyValueText.ParseLong(key, value) },
                "pctDepth" => settings with { PctDepth = KeyValueText.ParseInt(key, value) },
                "maxSteps" => settings with { MaxSteps = KeyValueText.ParseInt(key, value) },
                "schedule" => settings with { Schedule = value },
                "races" => settings with { ReportDataRaces = bool.Parse(value) },
                "unseen" => settings with { FailOnUnseenCode = bool.Parse(value) },
                "maxCases" => settings with { MaxCases = KeyValueText.ParseInt(key, value) },
                "maxListed" => settings with { MaxListedSchedules = KeyValueText.ParseInt(key, value) },
                "stall" => settings with { StallTimeoutSeconds = KeyValueText.ParseInt(key, value) },
                _ => throw new FormatException($"Unknown Loom theory setting '{key}' in '{text}'."),
            };
        }
        return settings;
    }
}
