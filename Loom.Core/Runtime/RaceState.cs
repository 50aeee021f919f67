using System.Collections.Generic;

namespace Loom.Runtime;

/// <summary>
/// The accesses of one tracked field that a later access could race with: the last write, and every read since
/// it (one per thread), each with the accessing thread's clock entry and source location.
/// </summary>
internal sealed class RaceState
{
    public Access? LastWrite { get; set; }

    public List<Access> ReadsSinceWrite { get; } = new();

    /// <summary>One access to the field.</summary>
    /// <param name="Thread">The accessing thread.</param>
    /// <param name="Epoch">The thread's own clock entry at the access.</param>
    /// <param name="Step">The execution step.</param>
    /// <param name="Location">Where the access was made.</param>
    internal sealed record Access(int Thread, int Epoch, int Step, string Location);
}
