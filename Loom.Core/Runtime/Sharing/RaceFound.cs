namespace Loom.Runtime.Sharing;

/// <summary>A race an execution found on a location that was not racing yet.</summary>
/// <param name="Hash">The location's hash (<see cref="RacingLocations.Hash"/>).</param>
/// <param name="Name">The location's name.</param>
internal readonly record struct RaceFound(int Hash, string Name);
