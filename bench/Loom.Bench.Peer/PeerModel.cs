using System;
using System.Threading.Tasks;
using Microsoft.Coyote;
using Microsoft.Coyote.SystematicTesting;

namespace Loom.Bench.Peer;

/// <summary>One model of the peer benchmark, as each tool runs it.</summary>
/// <param name="Name">The row's name.</param>
/// <param name="FromCorpus">Whether the model is a correct program of the bug corpus (its rows have their own median).</param>
/// <param name="ExploreWithLoom">Runs one <c>LoomModel.Explore</c> of the Loom version with the given options.</param>
/// <param name="CreateCoyoteEngine">Creates Coyote's testing engine for the rewritten twin with the given configuration.</param>
/// <param name="LoomExhaustiveOptions">The options of Loom's exhaustive rows (the corpus program's own for corpus rows).</param>
internal sealed record PeerModel(
    string Name,
    bool FromCorpus,
    Func<LoomOptions, ExplorationResult> ExploreWithLoom,
    Func<Configuration, TestingEngine> CreateCoyoteEngine,
    LoomOptions LoomExhaustiveOptions)
{
    /// <summary>Issue #19's goal for the model, as a multiple of Coyote's executions per second.</summary>
    public int GoalRatio { get; init; } = 100;

    /// <summary>A synchronous model.</summary>
    public static PeerModel Of(string name, bool fromCorpus, Action loom, Action coyote, LoomOptions? exhaustive = null) =>
        new(name, fromCorpus, options => LoomModel.Explore(loom, options), configuration => TestingEngine.Create(configuration, coyote), exhaustive ?? new LoomOptions());

    /// <summary>An asynchronous model.</summary>
    public static PeerModel Of(string name, Func<Task> loom, Func<Task> coyote) =>
        new(name, false, options => LoomModel.Explore(loom, options), configuration => TestingEngine.Create(configuration, coyote), new LoomOptions()) { GoalRatio = 300 };
}
