using System;
using System.IO;

namespace Loom.Tests.EndToEnd;

/// <summary>What a finished command printed and returned.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output and standard error as they arrived, for people to read.</param>
/// <param name="StandardOutput">Standard output alone, in the order it was written, for parsers: the two streams are
/// read by separate threads, so a line written to standard error late (VSTest's "Test Run Failed.") can land in
/// <paramref name="Output"/> before standard output lines written earlier.</param>
public sealed record ProcessResult(string Command, int ExitCode, string Output, string StandardOutput)
{
    /// <summary>A result whose text came through standard output alone.</summary>
    public ProcessResult(string command, int exitCode, string output)
        : this(command, exitCode, output, output)
    {
    }

    // Enough for a person reading a failed assertion; a run that printed more goes to a file, so the test's own
    // failure message cannot flood the suite's log.
    private const int LongestShown = 200_000;

    public override string ToString()
    {
        var head = $"$ {Command}\n(exit code {ExitCode})\n";
        if (Output.Length <= LongestShown)
            return head + Output;
        var file = Path.Combine(Path.GetTempPath(), $"loom-e2e-output-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, Output);
        return head + Output[..(LongestShown / 10)] +
            $"\n... {Output.Length - LongestShown:N0} characters left out; the whole output is in {file} ...\n" +
            Output[^(LongestShown - LongestShown / 10)..];
    }
}
