using System.Collections.Generic;
using System.Globalization;
using Loom.Reporting;

namespace Loom.Runtime;

/// <summary>
/// A stable 64-bit hash (FNV-1a) of an execution's trace: each step's thread, operation, source line, value and
/// virtual time, and the simulated world's events. The same schedule and seed give the same hash on every run and machine; any difference in what
/// the execution did changes it.
/// </summary>
internal static class TraceHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static string Of(IReadOnlyList<StepRecord> steps, IReadOnlyList<ExecutionNote>? notes = null)
    {
        var hash = Offset;
        foreach (var step in steps)
        {
            hash = Mix(hash, step.Thread);
            hash = Mix(hash, step.Operation.Name);
            hash = Mix(hash, step.Operation.Line);
            hash = Mix(hash, TraceValues.Format(step.Value));
            hash = Mix(hash, step.Time);
        }
        // The simulated world's events (its fault plan) are part of what the execution did.
        foreach (var note in notes ?? [])
        {
            hash = Mix(hash, note.Step);
            hash = Mix(hash, note.Time);
            hash = Mix(hash, note.Text);
        }
        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Mix(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++, value >>= 8)
            hash = (hash ^ (byte)value) * Prime;
        return hash;
    }

    private static ulong Mix(ulong hash, string? text)
    {
        foreach (var c in text ?? "\0")
            hash = Mix(hash, c);
        return (hash ^ 0xFF) * Prime;
    }
}
