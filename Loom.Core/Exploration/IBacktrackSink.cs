namespace Loom.Exploration;

/// <summary>Receives the backtrack points race detection finds.</summary>
internal interface IBacktrackSink
{
    /// <summary>
    /// Thread <paramref name="thread"/> should also be tried at <paramref name="step"/>. If the only reason is that
    /// a weak load at that step (by <paramref name="loadThread"/>) could then read a store of
    /// <paramref name="thread"/>, <paramref name="loadThread"/> says whose; otherwise it is -1.
    /// </summary>
    void AddBacktrack(int step, int thread, int loadThread);
}
