namespace Loom.Coverage.Hits;

/// <summary>What Loom's record says about one line: how often it ran under Loom's control, and whether it ran outside.</summary>
/// <param name="Api">The first API Loom saw on the line.</param>
/// <param name="Hits">How many scheduling points ran on the line, over all executions (0 if it ran only outside).</param>
/// <param name="FirstTest">The test that reached it first under Loom, if known.</param>
/// <param name="FirstSchedule">The schedule id of the first execution that reached it.</param>
/// <param name="ReachedOutside">Whether a call on the line ran outside any execution (Loom's stand-in passed it to the real member).</param>
public sealed record RecordedSite(string Api, long Hits, string? FirstTest, string? FirstSchedule, bool ReachedOutside = false);
