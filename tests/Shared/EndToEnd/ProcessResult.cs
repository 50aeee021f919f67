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

    public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
}
