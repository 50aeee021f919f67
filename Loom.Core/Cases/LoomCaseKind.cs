namespace Loom.Cases;

/// <summary>What one discovered case of a <c>[LoomTheory]</c> runs.</summary>
public enum LoomCaseKind
{
    /// <summary>Exactly one schedule, replayed by its id.</summary>
    Schedule,

    /// <summary>Exactly one random or PCT execution, chosen by its seed.</summary>
    Seed,

    /// <summary>
    /// A group of consecutive listed schedules, each replayed: used when an exhaustive space has more schedules
    /// than the theory's case cap, so the groups together still cover every listed schedule.
    /// </summary>
    ScheduleGroup,

    /// <summary>
    /// The part of an exhaustive space past the schedules discovery listed. Runs the whole exploration, so
    /// nothing beyond the listing budget goes unexplored.
    /// </summary>
    ContinuedExploration,

    /// <summary>The whole exhaustive exploration in one case, when discovery could not list the schedules.</summary>
    FullExploration,

    /// <summary>A case that only reports a problem (invalid options, a malformed regressions line) and fails.</summary>
    Invalid,
}
