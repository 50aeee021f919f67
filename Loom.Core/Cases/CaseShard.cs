using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Loom.Cases;

/// <summary>
/// One shard of every theory's cases, for splitting a test run across CI machines: with
/// <see cref="Variable"/> set to <c>i/n</c> (1-based, <c>1/3</c> to <c>3/3</c>), discovery lists only the cases
/// whose stable hash of method key and case key falls in shard <c>i</c>, so the <c>n</c> runs are disjoint and
/// together run every case once. Regression cases are sharded like the others; problem cases are listed in shard
/// 1 only, so a problem is reported exactly once. A theory can have no case in a shard.
/// </summary>
public sealed class CaseShard
{
    /// <summary>The environment variable that selects a shard: <c>i/n</c>, with 1 &lt;= i &lt;= n.</summary>
    public const string Variable = "LOOM_SHARD";

    private CaseShard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>The 1-based shard this run lists.</summary>
    public int Index { get; }

    /// <summary>How many shards the cases are split into.</summary>
    public int Count { get; }

    /// <summary>Creates a shard.</summary>
    /// <param name="index">The 1-based shard.</param>
    /// <param name="count">How many shards.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or the index outside 1 to count.</exception>
    public static CaseShard Of(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        return new CaseShard(index, count);
    }

    /// <summary>
    /// Reads a shard setting: <see langword="null"/> or blank means no sharding; otherwise it must be <c>i/n</c>.
    /// </summary>
    /// <param name="text">The setting.</param>
    /// <param name="shard">The shard, or <see langword="null"/> when not sharding or the text is malformed.</param>
    /// <param name="problem">What is wrong with the text, or <see langword="null"/>.</param>
    /// <returns>Whether the text is well formed (blank included).</returns>
    public static bool TryParse(string? text, out CaseShard? shard, out string? problem)
    {
        shard = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var parts = text.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            shard = new CaseShard(index, count);
            return true;
        }
        problem = $"{Variable} is '{text}', which is not a shard: write i/n with 1 <= i <= n (shards are 1-based: " +
            $"1/3, 2/3 and 3/3 split the cases in three), or unset {Variable} to run every case.";
        return false;
    }

    /// <summary>The shard (1-based) a case belongs to, from a hash that is the same in every process and machine.</summary>
    /// <param name="method">The theory.</param>
    /// <param name="loomCase">The case.</param>
    /// <param name="count">How many shards.</param>
    /// <returns>The shard, from 1 to <paramref name="count"/>; always 1 for a problem case.</returns>
    public static int ShardOf(MethodIdentity method, LoomCase loomCase, int count)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(loomCase);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (loomCase.Kind == LoomCaseKind.Invalid)
            return 1;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(method.Key + "\n" + loomCase.Key), hash);
        return (int)(BinaryPrimitives.ReadUInt64LittleEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>The cases of a theory that this shard lists, in their order.</summary>
    /// <param name="method">The theory.</param>
    /// <param name="cases">All its cases.</param>
    /// <returns>The cases in this shard; possibly none.</returns>
    public IReadOnlyList<LoomCase> Select(MethodIdentity method, IReadOnlyList<LoomCase> cases)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Where(c => ShardOf(method, c, Count) == Index).ToArray();
    }

    /// <summary>
    /// Applies a shard setting to a theory's cases: all of them when not sharding, this shard's when it is, and
    /// one problem case saying what is wrong when the setting is malformed (never all or none silently).
    /// </summary>
    /// <param name="setting">The setting (the value of <see cref="Variable"/>), or <see langword="null"/>.</param>
    /// <param name="method">The theory.</param>
    /// <param name="cases">All its cases.</param>
    /// <returns>The cases to list.</returns>
    public static IReadOnlyList<LoomCase> Apply(string? setting, MethodIdentity method, IReadOnlyList<LoomCase> cases)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(cases);
        if (!TryParse(setting, out var shard, out var problem))
            return [LoomCase.ForProblem($"[LoomTheory] on {method.ShortName}: {problem}", "invalid " + Variable)];
        return shard is null ? cases : shard.Select(method, cases);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
