using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Loom.Reporting;

/// <summary>
/// Keeps the whole interleaving of a long failing execution in a file, so the report a runner prints stays
/// readable (a livelock runs to the step bound: 100,000 rows) and nothing is lost.
/// </summary>
internal static class TraceFile
{
    /// <summary>The folder the files go to: the temporary folder's <c>loom-traces</c>.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "loom-traces");

    /// <summary>Writes the whole table and returns the sentence a report prints in place of the steps it leaves out.</summary>
    public static string Write(IReadOnlyList<TraceStep> trace, string schedule)
    {
        var text = new StringBuilder();
        FailureReport.AppendTrace(text, trace, schedule);
        var name = string.Create(CultureInfo.InvariantCulture, $"interleaving-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.txt");
        var path = Path.Combine(Folder, name);
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, text.ToString());
            Prune();
            return $"the whole interleaving is in {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the whole interleaving could not be written to {path} ({e.Message})";
        }
    }

    /// <summary>How many files the folder keeps: a livelock's table is megabytes, and a suite may fail many times.</summary>
    public const int Kept = 20;

    private static void Prune()
    {
        var files = new DirectoryInfo(Folder).GetFiles("interleaving-*.txt");
        if (files.Length <= Kept)
            return;
        Array.Sort(files, (a, b) => b.LastWriteTimeUtc.CompareTo(a.LastWriteTimeUtc));
        foreach (var old in files.AsSpan(Kept))
        {
            try
            {
                old.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be reading it; it goes next time.
            }
        }
    }
}
