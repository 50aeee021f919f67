namespace Loom.Bench.Peer;

/// <summary>One timed run of one tool on one model.</summary>
/// <param name="Executions">Executions (Loom) or iterations (Coyote) run in the timed span.</param>
/// <param name="Seconds">Wall time of the span.</param>
/// <param name="BugFound">Whether the tool reported a failure.</param>
/// <param name="StepsPerExecution">Scheduling points per execution, as the tool counts them.</param>
/// <param name="ExecutionsPerExploration">Executions one exploration ran (for Loom's exhaustive rows, the whole space or the first failure).</param>
/// <param name="OsHandoffsPerExecution">Loom only: times control passed to another OS thread, per execution run (restarted ones included).</param>
/// <param name="OsThreadsPerExecution">Loom only: the OS threads an execution held at most, on average.</param>
internal sealed record ToolRun(
    long Executions,
    double Seconds,
    bool BugFound,
    double StepsPerExecution,
    long ExecutionsPerExploration,
    double OsHandoffsPerExecution = double.NaN,
    double OsThreadsPerExecution = double.NaN)
{
    public double Rate => Executions / Seconds;
}
