using System;
using System.Collections.Generic;

namespace Loom.Cases;

/// <summary>The schedules discovery listed for an exhaustive theory.</summary>
/// <param name="Schedules">The schedule ids, in exploration order.</param>
/// <param name="Complete">Whether the listing holds the whole space (within the preemption bound).</param>
/// <param name="Note">Why the listing is partial or empty, shown to the user; <see langword="null"/> when complete.</param>
public sealed record ScheduleListing(IReadOnlyList<string> Schedules, bool Complete, string? Note)
{
    /// <summary>A listing that could not be made, with the reason.</summary>
    /// <param name="why">Why the schedules could not be listed.</param>
    /// <returns>The empty listing.</returns>
    public static ScheduleListing Unavailable(string why) => new(Array.Empty<string>(), false, why);

    /// <summary>
    /// Why the theory must not run at all, or <see langword="null"/>: listing it stalled its thread, which Loom had
    /// to leave behind, so running it again would only leave another. Discovery reports it as one failing case.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>A listing that found the theory cannot be run, with the problem.</summary>
    /// <param name="problem">What happened and how to fix it.</param>
    /// <returns>The empty listing.</returns>
    public static ScheduleListing Failed(string problem) => new(Array.Empty<string>(), false, problem) { Problem = problem };
}
