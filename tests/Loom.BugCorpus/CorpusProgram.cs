using System;

namespace Loom.BugCorpus;

/// <summary>
/// One program of the bug corpus: a small concurrent model in a buggy and a fixed version, with what Loom must
/// report for the buggy one and the options it needs to find it.
/// </summary>
/// <param name="Name">A short stable name (kebab-case), used as the test case and benchmark row name.</param>
/// <param name="Bug">What goes wrong in the buggy version, in one or two sentences.</param>
/// <param name="Fix">What the fixed version does differently.</param>
/// <param name="Buggy">The buggy model: builds its state, starts Loom threads, joins them and checks.</param>
/// <param name="Fixed">The fixed model, same shape.</param>
/// <param name="ExpectedKind">How Loom must report the buggy version's failure.</param>
/// <param name="Options">The options that find the bug (strategy, preemption bound, iterations).</param>
public sealed record CorpusProgram(
    string Name,
    string Bug,
    string Fix,
    Action Buggy,
    Action Fixed,
    FailureKind ExpectedKind,
    LoomOptions Options)
{
    /// <summary>
    /// The options that check the fixed version, when they differ from <see cref="Options"/> (for example an
    /// exhaustive run with a smaller bound where the bug itself needs a random search). <see langword="null"/>
    /// means <see cref="Options"/>.
    /// </summary>
    public LoomOptions? FixedOptions { get; init; }

    /// <summary>Whether checking the fixed version with <see cref="FixedOptionsOrDefault"/> explores its whole space.</summary>
    public bool FixedExhausts { get; init; } = true;

    /// <summary>
    /// The fewest preemptions an execution needs to show the bug, where it is known and part of the program's
    /// point (exhaustive exploration one below it must pass); <see langword="null"/> otherwise. Programs whose
    /// racing loads are <c>Volatile.Read</c>s leave it unset: under the .NET memory model such a load may read an
    /// older store, so Loom can show their bugs with no preemption at all.
    /// </summary>
    public int? PreemptionsNeeded { get; init; }

    /// <summary>
    /// How many seeds (from 0) a random walk needs at most to find the bug, when that is cheap enough to assert
    /// in a test; <see langword="null"/> when random search is not expected to find it cheaply.
    /// </summary>
    public int? RandomIterations { get; init; }

    /// <summary>
    /// How many seeds (from 0) PCT needs at most to find the bug, when that is cheap enough to assert in a test;
    /// <see langword="null"/> when PCT is not expected to find it cheaply.
    /// </summary>
    public int? PctIterations { get; init; }

    /// <summary>The PCT depth the bug needs (one more than the priority changes it needs). Default 3.</summary>
    public int PctDepth { get; init; } = 3;

    /// <summary>The options that check the fixed version: <see cref="FixedOptions"/> or else <see cref="Options"/>.</summary>
    public LoomOptions FixedOptionsOrDefault => FixedOptions ?? Options;

    /// <inheritdoc />
    public override string ToString() => Name;
}
