using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>
/// Async deadlocks in rewritten code name every await still waiting, with its line, whatever it awaits (a completion
/// source's task, a channel read, a semaphore, Task.WhenAll); awaits that completed are not named. Each program's
/// fixed twin passes.
/// </summary>
public class AsyncDeadlockReportTests
{
    private static readonly Lazy<InterceptionTable> s_table = new(() =>
        InterceptionTable.Read(ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true })));

    private static readonly Lazy<string> s_rewritten = new(Rewrite);

    // The line numbers below are the tests' expectations: keep them in step with the source.
    private const string Programs = """
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        public static class Programs
        {
            public static async Task CompletionSources(bool fixedVersion)
            {
                var first = new TaskCompletionSource();
                var second = new TaskCompletionSource();
                var never = new TaskCompletionSource();
                var a = Task.Run(async () => { await first.Task; second.SetResult(); });
                var b = Task.Run(async () => { first.SetResult(); await (fixedVersion ? second.Task : never.Task); });
                await Task.WhenAll(a, b);
            }

            public static async Task ChannelRead(bool fixedVersion)
            {
                var channel = Channel.CreateUnbounded<int>();
                var reader = Task.Run(async () => await channel.Reader.ReadAsync());
                if (fixedVersion)
                    await channel.Writer.WriteAsync(1);
                await reader;
            }

            public static async Task Semaphore(bool fixedVersion)
            {
                var gate = new SemaphoreSlim(0);
                var a = Task.Run(async () => await gate.WaitAsync());
                var b = Task.Run(async () => await gate.WaitAsync().ConfigureAwait(false));
                gate.Release(fixedVersion ? 2 : 1);
                await Task.WhenAll(a, b);
            }

            public static async Task ValueTaskRead(bool fixedVersion)
            {
                var channel = Channel.CreateBounded<int>(1);
                if (fixedVersion)
                    channel.Writer.TryWrite(7);
                var item = await channel.Reader.ReadAsync().ConfigureAwait(false);
            }
        }
        """;

    public static TheoryData<string, string[], string[]> Deadlocks() => new()
    {
        // b's await on the source nobody completes, and the body's WhenAll; a's await completed.
        { "CompletionSources", ["Programs.cs:13 (called by thread 2", "Programs.cs:14 (called by thread 0)"], ["Programs.cs:12"] },
        { "ChannelRead", ["Programs.cs:20 (called by thread 1", "Programs.cs:23 (called by thread 0)"], [] },
        // The semaphore names its own wait (with its count); the await of the other is not named twice.
        { "Semaphore", ["SemaphoreSlim.WaitAsync at Programs.cs:", "a task awaits at Programs.cs:32 (called by thread 0)"], [] },
        { "ValueTaskRead", ["a task awaits at Programs.cs:40 (called by thread 0)"], [] },
    };

    [Theory]
    [MemberData(nameof(Deadlocks))]
    public void An_async_deadlock_names_every_await_still_waiting_and_the_fixed_program_passes(string program, string[] named, string[] notNamed)
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value);

        var buggy = LoomModel.Explore(() => (Task)loaded.Call("Programs", program, false)!);
        var fixedProgram = LoomModel.Explore(() => (Task)loaded.Call("Programs", program, true)!);

        var failure = Assert.IsType<LoomFailure>(buggy.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        foreach (var text in named)
            Assert.Contains(text, failure.Message);
        foreach (var text in notNamed)
            Assert.DoesNotContain(text, failure.Message);
        Assert.True(fixedProgram.Passed, fixedProgram.Failure?.Report);
        Assert.True(fixedProgram.Exhausted);
    }

    [Fact]
    public void A_semaphore_wait_is_named_once_even_though_its_await_suspended_too()
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value);

        var failure = LoomModel.Explore(() => (Task)loaded.Call("Programs", "Semaphore", false)!).Failure!;

        var waits = failure.Message.Split('\n').Where(l => l.Contains("Programs.cs:29", StringComparison.Ordinal) || l.Contains("Programs.cs:30", StringComparison.Ordinal)).ToList();
        var wait = Assert.Single(waits);
        Assert.Contains("SemaphoreSlim.WaitAsync", wait);
    }

    private static string Rewrite()
    {
        var snippet = Snippet.Compile(Programs, "Programs");
        var destination = Path.Combine(snippet.Folder, "rewritten", "Programs.dll");
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        new AssemblyRewriter(s_table.Value).Rewrite(snippet.AssemblyPath, destination, resolver);
        return destination;
    }
}
