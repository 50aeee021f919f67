using System;
using System.Collections.Generic;
using System.Linq;

namespace Loom.Simulation;

/// <summary>
/// A network partition in force: the directed links it blocks, until it heals (by itself after its duration, or
/// with <see cref="Heal"/>). Datagrams sent across it are lost; stream data waits for it to heal.
/// </summary>
public sealed class SimPartition
{
    private readonly SimNetwork _network;
    private readonly HashSet<(string From, string To)> _blocked;

    internal SimPartition(SimNetwork network, int number, IReadOnlyList<string> side, IReadOnlyList<string> otherSide, bool symmetric, TimeSpan started)
    {
        _network = network;
        Number = number;
        Symmetric = symmetric;
        Started = started;
        _blocked = new();
        foreach (var a in side)
        {
            foreach (var b in otherSide)
            {
                _blocked.Add((a, b));
                if (symmetric)
                    _blocked.Add((b, a));
            }
        }
        Description = symmetric
            ? $"{{{string.Join(", ", side)}}} <-/-> {{{string.Join(", ", otherSide)}}}"
            : $"{{{string.Join(", ", side)}}} --/-> {{{string.Join(", ", otherSide)}}} (one way: {{{string.Join(", ", otherSide)}}} can still reach {{{string.Join(", ", side)}}})";
    }

    /// <summary>The partition's number in its world, from 1, in order of start.</summary>
    public int Number { get; }

    /// <summary>Whether it blocks both directions.</summary>
    public bool Symmetric { get; }

    /// <summary>Which links it blocks, for example <c>{a} --/-> {b, c}</c>.</summary>
    public string Description { get; }

    /// <summary>When it started, in simulated time.</summary>
    public TimeSpan Started { get; }

    /// <summary>Whether it is still in force.</summary>
    public bool IsActive { get; internal set; } = true;

    /// <summary>The directed links it blocks.</summary>
    public IReadOnlyCollection<(string From, string To)> Blocked => _blocked;

    /// <summary>How many datagrams it has swallowed.</summary>
    public int DatagramsLost { get; internal set; }

    /// <summary>Heals the partition now, if it is still in force.</summary>
    public void Heal() => _network.Heal(this);

    internal bool Blocks(string from, string to) => _blocked.Contains((from, to));

    /// <inheritdoc />
    public override string ToString() => $"partition {Number} {Description}";

    internal static IReadOnlyList<string> Sorted(IEnumerable<string> names) => names.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
}
