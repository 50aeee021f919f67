namespace Loom.Exploration;

/// <summary>
/// A subtree of a parallel search asks that <paramref name="Thread"/> also be tried at the frozen branch
/// <paramref name="Index"/> (with <paramref name="LoadThread"/> as in <see cref="IBacktrackSink.AddBacktrack"/>).
/// </summary>
internal readonly record struct BacktrackRequest(int Index, int Thread, int LoadThread);
