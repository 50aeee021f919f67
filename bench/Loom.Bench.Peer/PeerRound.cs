namespace Loom.Bench.Peer;

/// <summary>One round of one model: the three runs measured back to back.</summary>
internal sealed record PeerRound(ToolRun LoomRandom, ToolRun LoomExhaustive, ToolRun Coyote);
