using System;
using System.Diagnostics;
using System.Text;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>Runs a real command (dotnet, the browser) and captures everything it printed.</summary>
internal static class Command
{
    // Not an assertion on time: a guard so that a hung child fails the test instead of the whole CI run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    public static (int ExitCode, string Output) Run(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        // The suite's own test host runs with coverage off; the child chooses for itself.
        start.Environment.Remove("LOOM_COVERAGE_DIR");
        start.Environment.Remove("VSTEST_HOST_DEBUG");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {HangGuard}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return (process.ExitCode, output.ToString());
    }
}
