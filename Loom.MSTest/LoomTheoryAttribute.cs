using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Cases;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// Marks a test method whose body Loom runs many times under its controlled scheduler, exploring thread
/// interleavings. It is the test method attribute and its own data source: MSTest unfolds the theory at discovery
/// into one test per schedule (exhaustive exploration) or per seed (random and PCT), each named like
/// <c>Method [schedule 1@3 0@5]</c> or <c>Method [seed 17]</c> and carrying the category <c>LoomSchedule:1@3 0@5</c>
/// or <c>LoomSeed:17</c>, so a failing interleaving shows up by name and re-runs alone.
/// </summary>
/// <remarks>
/// Use it instead of <c>[TestMethod]</c>. The method takes no parameters and returns <see langword="void"/>,
/// <see cref="Task"/> or <see cref="ValueTask"/>. Every execution of the body gets a fresh instance of the test
/// class, with its <c>[TestInitialize]</c> and <c>[TestCleanup]</c> methods and disposal around it. Only options you
/// set are checked against each other: setting <see cref="Seeds"/> on an exhaustive theory, for example, becomes a
/// failing test that names the problem. See docs/mstest.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LoomTheoryAttribute : TestMethodAttribute, ITestDataSource, ILoomTheoryAttribute
{
    /// <summary>The <see cref="PreemptionBound"/> value for no bound on preemptions.</summary>
    public const int Unbounded = LoomTheorySettings.UnboundedPreemptions;

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
    /// <param name="callerFilePath">Provided by the compiler: the regressions file lives beside this file.</param>
    /// <param name="callerLineNumber">Provided by the compiler.</param>
    public LoomTheoryAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
        : base(callerFilePath, callerLineNumber)
    {
        // Every case is its own test, whatever the run's default: that is how each schedule gets a name and an id.
        UnfoldingStrategy = TestDataSourceUnfoldingStrategy.Unfold;
    }

    /// <summary>How interleavings are chosen. Default <see cref="LoomStrategy.Exhaustive"/>.</summary>
    public LoomStrategy Strategy { get => _strategy ?? LoomStrategy.Exhaustive; set => _strategy = value; }

    /// <summary>Exhaustive only: the most preemptions in one execution. Default 2; <see cref="Unbounded"/> for no bound.</summary>
    public int PreemptionBound { get => _preemptionBound ?? LoomOptions.DefaultPreemptionBound; set => _preemptionBound = value; }

    /// <summary>Random and PCT only: how many seeds to run, each one test. Default 100.</summary>
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

    /// <summary>Replay exactly this schedule id (as a failure prints it): the theory then has one test, that schedule.</summary>
    public string? Schedule { get; set; }

    /// <summary>Exhaustive only: the most tests discovery unfolds; a larger space is grouped. Default 100.</summary>
    public int MaxCases { get => _maxCases ?? LoomTheorySettings.DefaultMaxCases; set => _maxCases = value; }

    /// <summary>Exhaustive only: the most schedules discovery explores to list tests; the rest is one more test. Default 10,000.</summary>
    public int MaxListedSchedules { get => _maxListedSchedules ?? LoomTheorySettings.DefaultMaxListedSchedules; set => _maxListedSchedules = value; }

    /// <summary>
    /// How many seconds one logical thread may run between two scheduling points (typically blocked in a real
    /// <c>lock</c> or a wait Loom does not control) before the execution fails as stalled. Default 10.
    /// </summary>
    public int StallTimeoutSeconds { get => _stallTimeoutSeconds ?? LoomTheorySettings.DefaultStallTimeoutSeconds; set => _stallTimeoutSeconds = value; }

    /// <summary>The theory's cases, one data row each, in a stable order (see docs/mstest.md); never throws.</summary>
    /// <param name="methodInfo">The test method.</param>
    /// <returns>One row per case: the case as text, with its display name and categories.</returns>
    public IEnumerable<object?[]> GetData(MethodInfo methodInfo) => MSTestCaseSource.Rows(this, methodInfo);

    /// <summary>The display name of a row: <c>Method [schedule 1@3 0@5]</c>.</summary>
    /// <param name="methodInfo">The test method.</param>
    /// <param name="data">The row.</param>
    /// <returns>The name, or <see langword="null"/> for a row this attribute did not make.</returns>
    public string? GetDisplayName(MethodInfo methodInfo, object?[]? data) => MSTestCaseSource.DisplayName(this, methodInfo, data);

    /// <summary>Runs one case: every execution Loom explores invokes the test (fresh instance, initialize, method, cleanup).</summary>
    /// <param name="testMethod">The test, with the case as its argument.</param>
    /// <returns>One result for the case.</returns>
    public override Task<TestResult[]> ExecuteAsync(ITestMethod testMethod) => Task.FromResult(MSTestCaseRunner.Run(this, testMethod));

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

    /// <inheritdoc />
    string? ILoomTheoryAttribute.SourceFilePath => string.IsNullOrEmpty(DeclaringFilePath) ? null : DeclaringFilePath;

    /// <summary>The method as the shared case layer names it.</summary>
    /// <param name="testClass">The class the test runs on.</param>
    /// <param name="methodName">The method's name.</param>
    /// <returns>The identity, with the regressions file beside the attribute's source file.</returns>
    internal MethodIdentity Identity(Type testClass, string methodName) =>
        new(testClass.FullName ?? testClass.Name, methodName, string.IsNullOrEmpty(DeclaringFilePath) ? null : DeclaringFilePath);
}
