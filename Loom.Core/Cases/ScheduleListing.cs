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
}
