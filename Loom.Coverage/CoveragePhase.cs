using System;

namespace Loom.Coverage;

/// <summary>How long one step of building a report took, so the collector's cost can be seen and measured.</summary>
/// <param name="Name">The step: <c>find sources</c>, <c>catalog cache</c>, <c>compile</c>, <c>scan</c>, <c>line hits</c>, <c>Loom record</c>, <c>join</c> or <c>write reports</c>.</param>
/// <param name="Elapsed">The wall-clock time it took.</param>
public sealed record CoveragePhase(string Name, TimeSpan Elapsed);
