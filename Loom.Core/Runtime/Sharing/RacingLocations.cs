using System.Collections.Generic;
using System.Linq;

namespace Loom.Runtime.Sharing;

/// <summary>
/// The shared locations of one exploration that have raced: two logical threads accessed them, at least one
/// writing, with no happens-before between the two. From the next execution on, every access to such a location is a
/// scheduling point, so the interleavings through it are explored and the test's own assertion decides. A location
/// is named by a six-hex-digit hash of its name (a field's <c>Type.field</c>), which is how schedule ids carry the
/// set (<see cref="ScheduleId.Races"/>): a replay knows which accesses were scheduling points without exploring again.
/// Two names with one hash both become scheduling points, in the exploration and its replays alike.
/// </summary>
internal sealed class RacingLocations
{
    private readonly HashSet<int> _hashes;
    private readonly Dictionary<int, string> _names = new();

    public RacingLocations(IEnumerable<int> hashes) => _hashes = new HashSet<int>(hashes);

    /// <summary>How many racing locations are known.</summary>
    public int Count => _hashes.Count;

    /// <summary>The hashes, for the schedule id of an execution that starts now.</summary>
    public int[] Snapshot() => _hashes.Count == 0 ? [] : _hashes.ToArray();

    /// <summary>Whether accesses to the location with this hash are scheduling points.</summary>
    public bool Contains(int hash) => _hashes.Count != 0 && _hashes.Contains(hash);

    /// <summary>Adds a location; returns whether it is new.</summary>
    public bool Add(int hash, string name)
    {
        _names.TryAdd(hash, name);
        return _hashes.Add(hash);
    }

    /// <summary>A copy a parallel worker starts its chunk of seeds from, names included.</summary>
    public RacingLocations Copy()
    {
        var copy = new RacingLocations(_hashes);
        foreach (var (hash, name) in _names)
            copy._names.Add(hash, name);
        return copy;
    }

    /// <summary>Whether both sets make the same accesses scheduling points.</summary>
    public bool SameAs(RacingLocations other) => _hashes.SetEquals(other._hashes);

    /// <summary>The names of the racing locations this exploration found, for its result.</summary>
    public IReadOnlyCollection<string> Names => _names.Values;

    /// <summary>The six-hex-digit hash of a location's name (FNV-1a, folded to 24 bits): stable across runs and machines.</summary>
    public static int Hash(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)((hash >> 24) ^ (hash & 0xFFFFFF));
    }
}
