using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Loom.Packaging.Tests;

/// <summary>
/// One xUnit consumer (tests/fixtures/Consumer.Xunit*) run under one runner the ways docs/xunit.md says a user
/// runs it: the whole project, the regression cases of the regressions file the first run wrote, one schedule by
/// its trait and one seed by its trait. Every consumer compiles the same tests (Consumer.Xunit/CounterTests.cs).
/// </summary>
public sealed class XunitConsumerRun
{
    /// <summary>The test method whose schedules race: its failing cases are the lost update.</summary>
    public const string RacyMethod = "Consumer.Xunit.CounterTests.Racy_increments";

    /// <summary>The PCT theory (three seeds) that always passes.</summary>
    public const string AtomicMethod = "Consumer.Xunit.CounterTests.Atomic_increments";

    private readonly string _root;
    private readonly string _consumer;
    private readonly bool _vsTest;
    private readonly string? _platformFolder;

    /// <param name="root">The folder the consumers were copied to and built in.</param>
    /// <param name="consumer">The consumer project's name (its folder and file name).</param>
    /// <param name="vsTest">Whether <c>dotnet test</c> runs it under VSTest; otherwise under Microsoft.Testing.Platform.</param>
    /// <param name="platformFolder">Under the platform: the folder whose global.json selects it, where <c>dotnet test</c> runs with <c>--project</c>; null to run in the consumer's own folder (its own global.json).</param>
    public XunitConsumerRun(string root, string consumer, bool vsTest, string? platformFolder = null)
    {
        _root = root;
        _consumer = consumer;
        _vsTest = vsTest;
        _platformFolder = platformFolder;

        ForgetRegressions();
        Full = Run([]);
        var regressions = Path.Combine(root, "Consumer.Xunit", "CounterTests.loom-regressions");
        RegressionsFile = File.Exists(regressions) ? File.ReadAllText(regressions) : null;
        Regressions = Run(vsTest ? ["--filter", "LoomRegression=true"] : ["--filter-trait", "LoomRegression=true"]);

        // The schedule run reads no regressions file: its case would carry the same trait.
        ForgetRegressions();
        RerunSchedule = Full.Failed.Select(ScheduleOf).Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
        Schedule = Run(Filter($"LoomSchedule={RerunSchedule}"));
        ForgetRegressions();
        Seed = Run(Filter("LoomSeed=1", AtomicMethod));
    }

    public string Consumer => _consumer;

    public string Runner => _vsTest ? "VSTest" : "Microsoft.Testing.Platform";

    /// <summary>The consumer's build output, where its Loom.Xunit.dll is.</summary>
    public string OutputFolder => Path.Combine(_root, _consumer, "bin", "Debug", "net10.0");

    /// <summary>Every case.</summary>
    public Outcomes Full { get; }

    /// <summary>The regressions file as the full run left it (null when it wrote none).</summary>
    public string? RegressionsFile { get; }

    /// <summary>The cases the trait <c>LoomRegression=true</c> selects, with that file in place.</summary>
    public Outcomes Regressions { get; }

    /// <summary>The failing schedule re-run alone (the first failing one of the full run, in ordinal order).</summary>
    public string RerunSchedule { get; }

    /// <summary>The cases the re-run command of <see cref="RerunSchedule"/> selects.</summary>
    public Outcomes Schedule { get; }

    /// <summary>The cases <c>LoomSeed=1</c> selects on the PCT theory.</summary>
    public Outcomes Seed { get; }

    /// <summary>The arguments docs/xunit.md gives for one schedule or seed of a method, for this runner.</summary>
    public string[] Filter(string trait, string method = RacyMethod) =>
        _vsTest ? ["--filter", $"FullyQualifiedName={method}&{trait}"] : ["--filter-method", method, "--filter-trait", trait];

    public override string ToString() => $"{_consumer} under {Runner}";

    /// <summary>The schedule id in a case name: <c>Method [schedule 2@3]</c> is <c>2@3</c>.</summary>
    public static string ScheduleOf(string caseName)
    {
        var start = caseName.IndexOf(" [schedule ", StringComparison.Ordinal) + " [schedule ".Length;
        return caseName[start..caseName.IndexOf(']', start)];
    }

    private Outcomes Run(string[] arguments)
    {
        var result = _vsTest
            ? CommandRunner.Run(Path.Combine(_root, _consumer), "dotnet", ["test", "--no-build", "--logger", "console;verbosity=detailed", .. arguments])
            : _platformFolder is null
                ? CommandRunner.Run(Path.Combine(_root, _consumer), "dotnet", ["test", "--no-build", "--output", "detailed", .. arguments])
                : CommandRunner.Run(_platformFolder, "dotnet", ["test", "--project", Path.Combine(_root, _consumer, _consumer + ".csproj"), "--no-build", "--output", "detailed", .. arguments]);
        return new Outcomes(result, _vsTest
            ? new VsTestRun(result).Cases.Select(c => (c.Outcome.ToLowerInvariant(), c.Name)).ToArray()
            : new MtpRun(result).Cases);
    }

    // A failing schedule is recorded beside the shared test file; each run starts as a user's first run does.
    private void ForgetRegressions()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*.loom-regressions", SearchOption.AllDirectories))
            File.Delete(file);
    }

    /// <summary>One run's cases, by outcome (<c>passed</c>, <c>failed</c>, <c>skipped</c>) and display name.</summary>
    public sealed class Outcomes(ProcessResult result, IReadOnlyList<(string Outcome, string Name)> cases)
    {
        public ProcessResult Result { get; } = result;

        public IReadOnlyList<(string Outcome, string Name)> Cases { get; } = cases;

        public IEnumerable<string> Passed => Named("passed");

        public IEnumerable<string> Failed => Named("failed");

        public IEnumerable<string> Named(string outcome) => Cases.Where(c => c.Outcome == outcome).Select(c => c.Name);

        public override string ToString() => Result.ToString();
    }
}
