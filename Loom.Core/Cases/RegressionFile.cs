using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Loom.Cases;

/// <summary>
/// The regressions file beside a test source file: every failing schedule or seed Loom found there, one per
/// line, each discovered as its own case and run first until a person deletes the line.
/// <para>
/// Format version 1, UTF-8 text, safe to commit:
/// <code>
/// # Loom regressions, format 1. ...
/// MyApp.Tests.CounterTests.Increments_are_not_lost schedule 1@3 0@5 # Exception: Assert.Equal() Failure (2025-11-21)
/// MyApp.Tests.LeaseTests.Renewal_survives_partitions seed 17
/// </code>
/// A line is <c>Namespace.Class.Method schedule ID</c> or <c>Namespace.Class.Method seed N</c>; blank lines and
/// lines starting with <c>#</c> are ignored, and <c>" # "</c> starts a trailing comment.
/// </para>
/// </summary>
public static class RegressionFile
{
    /// <summary>The format version this Loom writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The file name suffix: <c>CounterTests.cs</c> records into <c>CounterTests.loom-regressions</c>.</summary>
    public const string Extension = ".loom-regressions";

    /// <summary>The first line of every file Loom creates; a later format changes the number.</summary>
    public const string HeaderPrefix = "# Loom regressions, format ";

    /// <summary>Set this environment variable to <c>0</c> to stop failing cases from appending to regressions files.</summary>
    public const string DisableVariable = "LOOM_RECORD_REGRESSIONS";

    private const string CommentMarker = " #";

    // Appends from parallel test collections of one process must not interleave; the file lock below covers other processes.
    private static readonly object AppendGate = new();

    /// <summary>The regressions file for a test source file.</summary>
    /// <param name="sourceFilePath">The test's source file, as the compiler recorded it.</param>
    /// <returns>The path of the regressions file beside it.</returns>
    public static string PathFor(string sourceFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFilePath);
        var directory = Path.GetDirectoryName(sourceFilePath) ?? "";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(sourceFilePath) + Extension);
    }

    /// <summary>Whether failing cases should append to regressions files (they do unless <see cref="DisableVariable"/> is <c>0</c>).</summary>
    public static bool RecordingEnabled => Environment.GetEnvironmentVariable(DisableVariable) is not ("0" or "false");

    /// <summary>Reads a regressions file. A missing file holds nothing.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The entries and the malformed lines.</returns>
    public static RegressionFileContents Read(string path)
    {
        if (!File.Exists(path))
            return new RegressionFileContents(path, Array.Empty<RegressionEntry>(), Array.Empty<RegressionProblem>());
        return Parse(path, File.ReadAllLines(path));
    }

    /// <summary>Parses the lines of a regressions file.</summary>
    /// <param name="path">The file's path, for the record.</param>
    /// <param name="lines">The lines.</param>
    /// <returns>The entries and the malformed lines.</returns>
    public static RegressionFileContents Parse(string path, IReadOnlyList<string> lines)
    {
        var entries = new List<RegressionEntry>();
        var problems = new List<RegressionProblem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var raw = lines[i];
            var text = raw.Trim();
            if (text.StartsWith(HeaderPrefix, StringComparison.Ordinal))
            {
                var versionText = new string(text[HeaderPrefix.Length..].TakeWhile(char.IsDigit).ToArray());
                if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != FormatVersion)
                    problems.Add(new(number, raw, $"the file is format '{versionText}', but this Loom reads format {FormatVersion}; update Loom or re-record the failures.", null));
                continue;
            }
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var comment = text.IndexOf(CommentMarker, StringComparison.Ordinal);
            if (comment >= 0)
                text = text[..comment].TrimEnd();
            if (TryParseEntry(text, number, out var entry, out var problem))
                entries.Add(entry);
            else
                problems.Add(problem with { Text = raw });
        }
        return new RegressionFileContents(path, entries, problems);
    }

    private static bool TryParseEntry(string text, int line, out RegressionEntry entry, out RegressionProblem problem)
    {
        entry = null!;
        problem = null!;
        const string expected = "Expected 'Namespace.Class.Method schedule <id>' or 'Namespace.Class.Method seed <n>'.";
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var method = parts[0];
        var namesMethod = method.Contains('.') && !method.StartsWith('.') && !method.EndsWith('.');
        if (!namesMethod)
        {
            problem = new(line, text, $"'{method}' is not a method name of the form Namespace.Class.Method. {expected}", null);
            return false;
        }
        if (parts.Length < 3)
        {
            problem = new(line, text, $"the line names {method} but no schedule or seed. {expected}", method);
            return false;
        }
        switch (parts[1])
        {
            case "schedule":
                if (!ScheduleId.TryParse(ScheduleText.Canonical(parts[2]), out var id, out var why))
                {
                    problem = new(line, text, $"the schedule does not parse: {why}", method);
                    return false;
                }
                entry = new(method, id.ToString(), null, line);
                return true;
            case "seed":
                if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                {
                    problem = new(line, text, $"'{parts[2]}' is not a seed; a seed is a whole number of 0 or more.", method);
                    return false;
                }
                entry = new(method, null, seed, line);
                return true;
            default:
                problem = new(line, text, $"'{parts[1]}' should be 'schedule' or 'seed'. {expected}", method);
                return false;
        }
    }

    /// <summary>The line Loom writes for a failure, without its comment.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="failingCase">A schedule or seed case.</param>
    /// <returns>The line.</returns>
    public static string FormatEntry(string methodKey, LoomCase failingCase) => failingCase.Kind switch
    {
        LoomCaseKind.Schedule => $"{methodKey} schedule {failingCase.Schedule}",
        LoomCaseKind.Seed => $"{methodKey} seed {failingCase.Seed!.Value.ToString(CultureInfo.InvariantCulture)}",
        _ => throw new ArgumentException($"Only schedule and seed cases are recorded, not {failingCase.Kind}.", nameof(failingCase)),
    };

    /// <summary>
    /// Appends a failure to the file (creating it with its header), unless the file already records it.
    /// </summary>
    /// <param name="path">The regressions file.</param>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="failingCase">The schedule or seed case that failed.</param>
    /// <param name="comment">A one-line note (for example the failure kind and message); newlines are flattened.</param>
    /// <returns>The 1-based line that records the failure (new or existing).</returns>
    /// <exception cref="IOException">The file could not be written (after retrying while another process held it).</exception>
    public static int Append(string path, string methodKey, LoomCase failingCase, string? comment)
    {
        var entryText = FormatEntry(methodKey, failingCase);
        lock (AppendGate)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return AppendOnce(path, methodKey, failingCase, entryText, comment);
                }
                catch (IOException) when (attempt < 50 && File.Exists(path))
                {
                    // Another process (a parallel test run) holds the file; it keeps it for a few milliseconds.
                    Thread.Sleep(100);
                }
            }
        }
    }

    private static int AppendOnce(string path, string methodKey, LoomCase failingCase, string entryText, string? comment)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var existing = new List<string>();
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
                existing.Add(line);
        }
        var contents = Parse(path, existing);
        var same = contents.For(methodKey).FirstOrDefault(e => e.ToCase().Key == failingCase.AsRegression().Key);
        if (same is not null)
            return same.Line;

        var sb = new StringBuilder();
        if (existing.Count == 0)
        {
            foreach (var headerLine in Header(Path.GetFileName(path)))
                sb.Append(headerLine).Append('\n');
            existing.AddRange(Header(Path.GetFileName(path)));
        }
        else if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
                sb.Append('\n');
        }
        var flat = comment is null ? "" : string.Join(' ', comment.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (flat.Length > 200)
            flat = flat[..197] + "...";
        sb.Append(entryText);
        if (flat.Length > 0)
            sb.Append(CommentMarker).Append(' ').Append(flat);
        sb.Append('\n');
        stream.Seek(0, SeekOrigin.End);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString());
        stream.Write(bytes);
        return existing.Count + 1;
    }

    /// <summary>The comment lines Loom writes at the top of a new regressions file.</summary>
    /// <param name="fileName">The file's name, for the first line.</param>
    /// <returns>The lines.</returns>
    public static IReadOnlyList<string> Header(string fileName) =>
    [
        $"{HeaderPrefix}{FormatVersion}. Failing interleavings Loom found ({fileName}).",
        "# Each line below is discovered as its own test case and runs before the others, until you delete the line.",
        "# Line format: Namespace.Class.Method schedule <id>   or   Namespace.Class.Method seed <n>; text after ' # ' is a comment.",
        "# Safe to commit: keep it under version control so every machine re-runs these first.",
    ];
}
