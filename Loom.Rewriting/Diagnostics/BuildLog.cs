using System;
using System.IO;

namespace Loom.Rewriting;

/// <summary>
/// Writes the rewriter's messages in MSBuild's canonical form (<c>origin : error CODE: text</c>, <c>origin : warning
/// CODE: text</c>), which the build's Exec task turns into real errors, warnings and messages, with the assembly as
/// their origin.
/// </summary>
internal sealed class BuildLog
{
    private readonly TextWriter _out;

    public BuildLog(TextWriter output) => _out = output;

    /// <summary>How many errors were written.</summary>
    public int Errors { get; private set; }

    public void Error(string origin, string code, string text)
    {
        Errors++;
        _out.WriteLine($"{origin} : error {code}: {OneLine(text)}");
    }

    public void Warning(string origin, string code, string text) => _out.WriteLine($"{origin} : warning {code}: {OneLine(text)}");

    public void Message(string text) => _out.WriteLine(OneLine(text));

    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
}
