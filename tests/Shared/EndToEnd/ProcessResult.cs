namespace Loom.Tests.EndToEnd;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
}
