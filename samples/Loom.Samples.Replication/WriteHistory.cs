using System.Globalization;

namespace Loom.Samples.Replication;

/// <summary>
/// What the replicas accepted, in true simulated time: an observer outside the system, as a test's checker is. The
/// property: once a leader of some term has accepted a write, no leader of an older term accepts one.
/// </summary>
public sealed class WriteHistory
{
    private readonly List<(TimeSpan Time, string Replica, long Term, long Write)> _accepted = new();

    /// <summary>The writes accepted so far, in order.</summary>
    public IReadOnlyList<(TimeSpan Time, string Replica, long Term, long Write)> Accepted => _accepted;

    /// <summary>Records that <paramref name="replica"/>, leader of <paramref name="term"/>, accepted <paramref name="write"/>.</summary>
    public void Accept(TimeSpan time, string replica, long term, long write) => _accepted.Add((time, replica, term, write));

    /// <summary>The first write a deposed leader accepted after a newer leader had accepted one, described; or <see langword="null"/>.</summary>
    public string? FindStaleWrite()
    {
        (TimeSpan Time, string Replica, long Term, long Write)? newest = null;
        foreach (var accept in _accepted)
        {
            if (newest is { } n && accept.Term < n.Term)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{accept.Replica}, leader of term {accept.Term}, accepted write {accept.Write} at {accept.Time:hh\\:mm\\:ss\\.fff}, after {n.Replica}, leader of the newer term {n.Term}, had accepted write {n.Write} at {n.Time:hh\\:mm\\:ss\\.fff}: a deposed leader accepted a stale write.");
            }
            if (newest is null || accept.Term > newest.Value.Term)
                newest = accept;
        }
        return null;
    }
}
