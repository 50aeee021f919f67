namespace Loom.Coverage.Hits;

/// <summary>What Loom's record says about one line run under its control.</summary>
/// <param name="Api">The first controlled API seen on the line.</param>
/// <param name="Hits">How many scheduling points ran on the line, over all executions.</param>
/// <param name="FirstTest">The test that reached it first, if known.</param>
/// <param name="FirstSchedule">The schedule id of the first execution that reached it.</param>
public sealed record RecordedSite(string Api, long Hits, string? FirstTest, string? FirstSchedule);
