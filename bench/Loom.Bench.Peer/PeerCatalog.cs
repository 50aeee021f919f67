using System.Collections.Generic;
using System.Linq;
using Loom.BugCorpus;
using CoyoteSide = Loom.Bench.Peer.CoyoteModels;
using LoomSide = Loom.Bench.Peer.LoomModels;

namespace Loom.Bench.Peer;

/// <summary>The models of the peer benchmark: issue #19's five, then the corpus's correct programs with a Coyote twin.</summary>
internal static class PeerCatalog
{
    public static IReadOnlyList<PeerModel> All { get; } =
    [
        PeerModel.Of("2 threads, CAS loop, 2 increments each", false, LoomSide.PeerModels.CasLoopTwoThreadsTwoIncrements, CoyoteSide.PeerModels.CasLoopTwoThreadsTwoIncrements),
        PeerModel.Of("3 async tasks, 2 Task.Yield + 1 Interlocked.Increment each", LoomSide.PeerModels.ThreeTasksTwoYields, CoyoteSide.PeerModels.ThreeTasksTwoYields),
        PeerModel.Of("3 threads on one lock", false, LoomSide.PeerModels.LockThreeThreads, CoyoteSide.PeerModels.LockThreeThreads),
        PeerModel.Of("3-thread CAS counter", false, LoomSide.PeerModels.CasCounterThreeThreads, CoyoteSide.PeerModels.CasCounterThreeThreads),
        PeerModel.Of("Treiber stack, 2 threads push + pop", false, LoomSide.PeerModels.TreiberStackPushPop, CoyoteSide.PeerModels.TreiberStackPushPop),
        .. CoyoteSide.CorpusTwins.Fixed.Select(static twin =>
        {
            var program = Corpus.Get(twin.Key);
            return PeerModel.Of($"corpus: {program.Name}", true, program.Fixed, twin.Value, program.FixedOptionsOrDefault);
        }),
    ];

    /// <summary>The sanity check: a buggy program each tool must find the bug in (the corpus's lost-update).</summary>
    public static PeerModel BuggyLostUpdate { get; } =
        PeerModel.Of("corpus: lost-update (buggy)", true, Corpus.Get("lost-update").Buggy, CoyoteSide.CorpusTwins.LostUpdateBuggy);
}
