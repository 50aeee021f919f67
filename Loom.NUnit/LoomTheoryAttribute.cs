using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Loom.Cases;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Loom.NUnit;

/// <summary>
/// Marks a test method whose body Loom runs many times under its controlled scheduler, exploring thread
/// interleavings. NUnit builds the theory as one test case per schedule (exhaustive exploration) or per seed
/// (random and PCT), each named like <c>Method(schedule 1@3 0@5)</c> or <c>Method(seed 17)</c> and carrying the
/// property <c>LoomSchedule</c> or <c>LoomSeed</c>, so a failing interleaving shows up by name and re-runs alone.
/// </summary>
/// <remarks>
/// The method takes no parameters and returns <see langword="void"/>, <see cref="System.Threading.Tasks.Task"/>
/// or <see cref="System.Threading.Tasks.ValueTask"/>. Every execution of the body runs the fixture's
/// <c>[SetUp]</c> and <c>[TearDown]</c> methods around it (and builds a fresh fixture instance under
/// <c>[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]</c>). Only options you set are checked against each other:
/// setting <see cref="Seeds"/> on an exhaustive theory, for example, becomes a failing case that names the problem.
/// See docs/nunit.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LoomTheoryAttribute : NUnitAttribute, ITestBuilder, IImplyFixture, IWrapTestMethod, IRepeatTest, ILoomTheoryAttribute
{
    /// <summary>The <see cref="PreemptionBound"/> value for no bound on preemptions.</summary>
    public const int Unbounded = LoomTheorySettings.UnboundedPreemptions;

    // NUnit asks this attribute to wrap a test's command twice, first as IWrapTestMethod (around the method
    // alone), then as IRepeatTest (around everything, set-up and tear-down included), on one thread. One Wrap
    // method serves both interfaces, so it tells the calls apart by remembering the test of the first one.
    [ThreadStatic]
    private static Test? t_wrappedMethodOf;

    private readonly string? _sourceFilePath;
    private LoomStrategy? _strategy;
    private int? _preemptionBound;
    private int? _seeds;
    private long? _firstSeed;
    private int? _pctDepth;
    private int? _maxSteps;
    private bool? _reportDataRaces;
    private bool? _failOnUnseenCode;
    private int? _maxCases;
    private int? _maxListedSchedules;
    private int? _stallTimeoutSeconds;

    /// <summary>Creates the attribute; the compiler fills in where it is.</summary>
    /// <param name="sourceFilePath">Provided by the compiler: the regressions file lives beside this file.</param>
    public LoomTheoryAttribute([CallerFilePath] string? sourceFilePath = null)
    {
        _sourceFilePath = sourceFilePath;
    }

    /// <summary>How interleavings are chosen. Default <see cref="LoomStrategy.Exhaustive"/>.</summary>
    public LoomStrategy Strategy { get => _strategy ?? LoomStrategy.Exhaustive; set => _strategy = value; }

    /// <summary>Exhaustive only: the most preemptions in one execution. Default 2; <see cref="Unbounded"/> for no bound.</summary>
    public int PreemptionBound { get => _preemptionBound ?? LoomOptions.DefaultPreemptionBound; set => _preemptionBound = value; }

    /// <summary>Random and PCT only: how many seeds to run, each one test case. Default 100.</summary>
    public int Seeds { get => _seeds ?? LoomTheorySettings.DefaultSeeds; set => _seeds = value; }

    /// <summary>Random and PCT only: the first seed; the cases are seeds <c>FirstSeed</c> to <c>FirstSeed + Seeds - 1</c>. Default 0.</summary>
    public long FirstSeed { get => _firstSeed ?? 0; set => _firstSeed = value; }

    /// <summary>PCT only: the bug depth (depth - 1 priority change points). Default 3.</summary>
    public int PctDepth { get => _pctDepth ?? 3; set => _pctDepth = value; }

    /// <summary>The most scheduling points one execution may take before it fails as a livelock. Default 100,000.</summary>
    public int MaxSteps { get => _maxSteps ?? LoomOptions.DefaultMaxSteps; set => _maxSteps = value; }

    /// <summary>
    /// Fail on every data race on a shared field, array element or collection of the rewritten code, naming both
    /// accesses' source lines. Default <see langword="false"/>: a race makes the racing accesses scheduling points and
    /// the test's own assertions decide, so a benign race is no failure.
    /// </summary>
    public bool ReportDataRaces { get => _reportDataRaces ?? false; set => _reportDataRaces = value; }

    /// <summary>
    /// Fail when the threads call code Loom did not see: a package assembly the build did not rewrite although it uses
    /// System.Threading, tasks, timers or the clock, or a call Loom does not model yet, at the call's line. Default
    /// <see langword="false"/>: the test's result names that code in a warning (docs/rewriting.md, "Code Loom did not see").
    /// </summary>
    public bool FailOnUnseenCode { get => _failOnUnseenCode ?? false; set => _failOnUnseenCode = value; }

    /// <summary>
    /// Replay exactly this schedule id (as a failure prints it; <c>1@3 0@5</c> and <c>1@3_0@5</c> are the same):
    /// the theory then has one case, that schedule.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>Exhaustive only: the most test cases the theory is built as; a larger space is grouped. Default 100.</summary>
    public int MaxCases { get => _maxCases ?? LoomTheorySettings.DefaultMaxCases; set => _maxCases = value; }

    /// <summary>Exhaustive only: the most schedules listed when the tests are built; the rest is one more case. Default 10,000.</summary>
    public int MaxListedSchedules { get => _maxListedSchedules ?? LoomTheorySettings.DefaultMaxListedSchedules; set => _maxListedSchedules = value; }

    /// <summary>
    /// How many seconds one logical thread may run between two scheduling points (typically blocked in a real
    /// <c>lock</c> or a wait Loom does not control) before the execution fails as stalled. Default 10.
    /// </summary>
    public int StallTimeoutSeconds { get => _stallTimeoutSeconds ?? LoomTheorySettings.DefaultStallTimeoutSeconds; set => _stallTimeoutSeconds = value; }

    /// <summary>The source file the attribute was written in, as the compiler recorded it.</summary>
    internal string? SourceFilePath => _sourceFilePath;

    /// <inheritdoc />
    string? ILoomTheoryAttribute.SourceFilePath => _sourceFilePath;

    /// <summary>Builds one NUnit test per Loom case; never throws (problems become failing tests).</summary>
    /// <param name="method">The test method.</param>
    /// <param name="suite">The fixture the tests are added to.</param>
    /// <returns>The tests, in run order.</returns>
    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite) => NUnitCaseBuilder.Build(this, method, suite);

    /// <summary>
    /// Wraps a Loom case's test command: around the method alone, to run it under Loom's control; around set-up,
    /// method and tear-down, to run them once per execution of the case.
    /// </summary>
    /// <param name="command">The command NUnit built.</param>
    /// <returns>The wrapped command.</returns>
    public TestCommand Wrap(TestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!ReferenceEquals(t_wrappedMethodOf, command.Test))
        {
            t_wrappedMethodOf = command.Test;
            return new LoomMethodCommand(command);
        }
        t_wrappedMethodOf = null;
        return new LoomCaseCommand(command, this);
    }

    /// <summary>The options as the shared case layer reads them: only those that were set.</summary>
    /// <returns>The settings.</returns>
    internal LoomTheorySettings ToSettings() => new()
    {
        Strategy = _strategy,
        PreemptionBound = _preemptionBound,
        Seeds = _seeds,
        FirstSeed = _firstSeed,
        PctDepth = _pctDepth,
        MaxSteps = _maxSteps,
        Schedule = Schedule,
        ReportDataRaces = _reportDataRaces,
        FailOnUnseenCode = _failOnUnseenCode,
        MaxCases = _maxCases,
        MaxListedSchedules = _maxListedSchedules,
        StallTimeoutSeconds = _stallTimeoutSeconds,
    };
}
