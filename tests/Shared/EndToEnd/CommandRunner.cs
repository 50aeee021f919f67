using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace Loom.Tests.EndToEnd;

/// <summary>Runs a real command (dotnet, a test executable) and captures everything it printed.</summary>
public static class CommandRunner
{
    // Not an assertion: a guard so a hung runner fails the test instead of the whole CI run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    // After the command exits, its output ends when the last process holding the pipes does: one it left running
    // (a build server, a test host) would hold them for as long as it lives, and an unbounded wait with it.
    private static readonly TimeSpan OutputGuard = TimeSpan.FromMinutes(1);

    public static ProcessResult Run(string workingDirectory, string fileName, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), fileName, arguments);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string fileName, params string[] arguments)
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
        // The runners must behave as a user's would: no terminal colors or progress animation in the text we parse.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TESTINGPLATFORM_NOBANNER"] = "1";
        // The suite's own test host may set these (LOOM_COVERAGE_DIR when the suite itself runs under loom-coverage,
        // LOOM_SHARD when CI shards it); the child must choose its own mode.
        foreach (var inherited in new[] { "VSTEST_HOST_DEBUG", "TESTINGPLATFORM_HOTRELOAD_ENABLED", "LOOM_COVERAGE_DIR", "LOOM_SHARD" })
            start.Environment.Remove(inherited);

        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        // Not disposed: after the output guard gives up, a reader can still signal them (they hold no OS handle).
        var outputEnded = new ManualResetEventSlim();
        var errorEnded = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                outputEnded.Set();
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
                standardOutput.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                errorEnded.Set();
            else
                lock (output)
                    output.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(fileName, arguments)}' did not finish within {HangGuard}:\n{output}");
        }
        if (!outputEnded.Wait(OutputGuard) || !errorEnded.Wait(OutputGuard))
            lock (output)
                throw new TimeoutException(
                    $"'{Describe(fileName, arguments)}' exited with code {process.ExitCode}, but its output was still open {OutputGuard} " +
                    $"later: a process it started holds it. What it printed so far:\n{output}");
        lock (output)
            return new ProcessResult(Describe(fileName, arguments), process.ExitCode, output.ToString(), standardOutput.ToString());
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        fileName + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
