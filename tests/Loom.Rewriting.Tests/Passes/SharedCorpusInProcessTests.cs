using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Tests.Support;
using Loom.Tests.EndToEnd;
using Mono.Cecil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>
/// The shared corpus's programs (tests/fixtures/Rewriting.SharedCorpus), each compiled on its own and rewritten with
/// Loom.Core's stand-ins, then explored in process with default options: the buggy version's bug is found, the fixed
/// version passes every schedule, and neither runs an execution again for a garbage collection (fields are named by
/// object and field, not by address). The end-to-end class runs the same programs through a real build and the three
/// adapters, and the package's program there; this one needs no build and reads what the adapters do not print.
/// </summary>
public class SharedCorpusInProcessTests
{
    private static readonly Lazy<InterceptionTable> s_table = new(() =>
        InterceptionTable.Read(ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true })));

    public static TheoryData<string, FailureKind, string> Programs() => new()
    {
        { "ConnectionCheckThenAct", FailureKind.Exception, "the two callers got two different connections" },
        { "DoubleCheckedFlag", FailureKind.Exception, "a caller found the settings flagged as loaded but read endpoint" },
        { "DoubleCheckedVolatile", FailureKind.Exception, "a caller found the parser flagged as initialized but read no parser" },
        { "PublishWithoutBarrier", FailureKind.Exception, "the statistics were flagged ready, but the status page read" },
        { "DictionaryCheckThenAdd", FailureKind.Exception, "two requests for 'invoice' got two different compiled templates" },
        { "CancellationRegistrationRace", FailureKind.Exception, "request 1 was cancelled, but it is still in the pending table" },
        { "RegistrationDisposeDeadlock", FailureKind.Deadlock, "is blocked in CancellationTokenRegistration.Dispose at RegistrationDisposeDeadlock.cs:" },
        { "TaskCompletedTwice", FailureKind.Exception, "the second completion threw" },
        { "GetOrAddSideEffect", FailureKind.Exception, "2 connections were opened, not 1" },
        { "LazyPublicationOnly", FailureKind.Exception, "2 connections were made, not 1" },
        { "LostIncrement", FailureKind.Exception, "two requests were recorded, but the counter says 1" },
        { "AsyncEventLostSignal", FailureKind.Exception, "the Set that raced with the cancellation went to it" },
        { "CompleteAddingEarly", FailureKind.Exception, "one producer completed the queue while the other was still adding" },
        { "ListWithoutLock", FailureKind.Exception, "2 events were added, and the sink received 4" },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_buggy_program_is_found_and_the_fixed_one_passes_once_rewritten(string program, FailureKind kind, string says)
    {
        using var loaded = new LoadedAssembly(Rewritten(program));
        var type = $"Rewriting.SharedCorpus.{program}";

        var buggy = Explore(loaded, type, "Buggy");
        var fixedProgram = Explore(loaded, type, "Fixed");

        var failure = Assert.IsType<LoomFailure>(buggy.Failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Contains(says, failure.Message);
        Assert.Contains(failure.Trace, step => step.File?.EndsWith(program + ".cs", StringComparison.Ordinal) == true);
        Assert.True(fixedProgram.Passed, fixedProgram.Failure?.Report);
        Assert.True(fixedProgram.Exhausted);
        Assert.Equal(0, buggy.GcRestarts);
        Assert.Equal(0, fixedProgram.GcRestarts);
    }

    private const string UsingRegistration = """
        using System.Threading;

        public static class UsingRegistration
        {
            public static void Buggy() => Run(disposeUnderLock: true);

            public static void Fixed() => Run(disposeUnderLock: false);

            private static void Run(bool disposeUnderLock)
            {
                var gate = new object();
                var source = new CancellationTokenSource();
                var worker = new Thread(() =>
                {
                    if (disposeUnderLock)
                    {
                        lock (gate)
                        {
                            using (source.Token.Register(() => { lock (gate) { } }))
                            {
                            }
                        }
                    }
                    else
                    {
                        using (source.Token.Register(() => { lock (gate) { } }))
                        {
                        }
                    }
                });
                var canceller = new Thread(() => source.Cancel());
                worker.Start();
                canceller.Start();
                worker.Join();
                canceller.Join();
            }
        }
        """;

    [Fact]
    public void A_registration_a_using_statement_disposes_waits_for_its_running_callback()
    {
        // `using` on the struct calls IDisposable.Dispose constrained to it: the rewriter sends that to the stand-in too.
        var snippet = Snippet.Compile(UsingRegistration, "UsingRegistration");
        var destination = Path.Combine(snippet.Folder, "rewritten", "UsingRegistration.dll");
        using (var resolver = new DefaultAssemblyResolver())
        {
            resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
            new AssemblyRewriter(s_table.Value).Rewrite(snippet.AssemblyPath, destination, resolver);
        }
        using var loaded = new LoadedAssembly(destination);

        var buggy = Explore(loaded, "UsingRegistration", "Buggy");
        var fixedProgram = Explore(loaded, "UsingRegistration", "Fixed");

        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        Assert.Contains("CancellationTokenRegistration.Dispose", buggy.Failure!.Message);
        Assert.True(fixedProgram.Passed, fixedProgram.Failure?.Report);
    }

    private static ExplorationResult Explore(LoadedAssembly loaded, string type, string method) =>
        loaded.Assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.ReturnType == typeof(Task)
            ? LoomModel.Explore(() => (Task)loaded.Call(type, method)!)
            : LoomModel.Explore(() => loaded.Call(type, method));

    private static string Rewritten(string program)
    {
        var source = File.ReadAllText(Path.Combine(FixtureFiles.RepositoryRoot(), "tests", "fixtures", "Rewriting.SharedCorpus", program + ".cs"));
        var snippet = Snippet.Compile(source, program);
        var destination = Path.Combine(snippet.Folder, "rewritten", program + ".dll");
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        new AssemblyRewriter(s_table.Value).Rewrite(snippet.AssemblyPath, destination, resolver);
        return destination;
    }
}
