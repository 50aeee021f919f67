using System.Collections.Generic;

namespace Loom.Runtime;

/// <summary>
/// The accesses of one tracked location that a later access could race with: the last write, and every read since
/// it (one per thread), each with the accessing thread's clock entry and source location.
/// </summary>
internal sealed class RaceState
{
    public Access? LastWrite { get; set; }

    public List<Access> ReadsSinceWrite { get; } = new();

    /// <summary>One access to the location.</summary>
    /// <param name="Thread">The accessing thread.</param>
    /// <param name="Epoch">The thread's own clock entry at the access.</param>
    /// <param name="Step">The execution step.</param>
    /// <param name="File">The access's source file.</param>
    /// <param name="Line">The access's source line.</param>
    /// <param name="Write">Whether the access wrote.</param>
    /// <param name="Ordered">Whether it was a volatile or atomic access, which never makes a data race with another such access.</param>
    /// <param name="Atomic">Whether it was an Interlocked or Volatile call, always a scheduling point of its own.</param>
    internal readonly record struct Access(int Thread, int Epoch, int Step, string? File, int Line, bool Write, bool Ordered, bool Atomic)
    {
        /// <summary>Where the access was made, for reports.</summary>
        public string Location => SourceText.Location(File, Line);

        /// <summary>"read" or "write".</summary>
        public string Kind => Write ? "write" : "read";
    }
}
