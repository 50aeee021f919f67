namespace Loom.Exploration;

/// <summary>Receives the backtrack points race detection finds.</summary>
internal interface IBacktrackSink
{
    /// <summary>Thread <paramref name="thread"/> should also be tried at <paramref name="step"/>.</summary>
    void AddBacktrack(int step, int thread);
}
