using System;
using System.Globalization;

namespace Loom.Simulation;

/// <summary>
/// One entry of a simulated world's fault plan: when it happened (in true simulated time), what kind of event it
/// was, what it touched (a node, a link, a file), and what happened, in words.
/// </summary>
/// <param name="Time">Simulated time since the execution started.</param>
/// <param name="Kind">What kind of event.</param>
/// <param name="Subject">What it touched: a node name, a link <c>a -&gt; b</c>, a file <c>b:wal.log</c>.</param>
/// <param name="Description">What happened.</param>
public sealed record SimEvent(TimeSpan Time, SimEventKind Kind, string Subject, string Description)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Time:hh\\:mm\\:ss\\.fff}  {Kind.ToString().ToLowerInvariant(),-9}  {Subject}: {Description}");
}
