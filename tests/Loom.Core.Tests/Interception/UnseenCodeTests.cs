using Loom.Interception;
using Xunit;
using Interlocked = Loom.Threading.Interlocked;

namespace Loom.Tests.Interception;

/// <summary>
/// What rewritten code's calls of <see cref="UnseenCode"/> do: inside an execution they record code Loom did not see,
/// and the result of the run says so instead of a bare "all passed"; outside one they do nothing.
/// </summary>
public class UnseenCodeTests
{
    private const string Pool = "Microsoft.Extensions.ObjectPool";

    /// <summary>Two threads that each take a count atomically and call into a package the build did not rewrite.</summary>
    private static void TwoThreadsCallingThePool()
    {
        var taken = 0;
        Rewritten.All(
            () =>
            {
                UnseenCode.Called(Pool, "BufferPool.cs", 14);
                Interlocked.Increment(ref taken);
            },
            () =>
            {
                UnseenCode.Called(Pool, "BufferPool.cs", 19);
                Interlocked.Increment(ref taken);
            });
        Rewritten.Expect(Interlocked.CompareExchange(ref taken, 0, 0) == 2, "both took one");
    }

    [Fact]
    public void A_pass_whose_threads_called_an_assembly_that_was_not_rewritten_says_so_and_names_the_fix()
    {
        var result = LoomModel.Explore(TwoThreadsCallingThePool);

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Executions > 1);
        Assert.Equal([Pool], result.UnseenAssemblies);
        Assert.Empty(result.UncontrolledCalls);
        Assert.Contains("; all passed; warning: the threads ran code Loom did not see", result.Summary);
        Assert.Contains($"{Pool} (called at BufferPool.cs:14) was not rewritten", result.Summary);
        Assert.Contains($"add <LoomRewriteAssembly Include=\"{Pool}\" /> to the test project (or <LoomRewritePackages>all</LoomRewritePackages>", result.Summary);
        Assert.False(result.Summary.EndsWith("all passed", StringComparison.Ordinal), result.Summary);
    }

    [Fact]
    public void A_pass_that_ran_only_code_Loom_saw_says_all_passed_without_a_warning()
    {
        var result = LoomModel.Explore(() =>
        {
            var taken = 0;
            Rewritten.All(() => Interlocked.Increment(ref taken), () => Interlocked.Increment(ref taken));
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Empty(result.UnseenAssemblies);
        Assert.Null(result.UnseenCodeWarning);
        Assert.EndsWith("; all passed", result.Summary);
    }

    [Fact]
    public void A_call_left_as_written_is_named_with_its_location()
    {
        var result = LoomModel.Explore(() => Rewritten.All(
            () => UnseenCode.NotControlled("Task.ContinueWith", "/src/Cache.cs", 12),
            () => UnseenCode.NotControlled("CancellationTokenSource.CancelAfter", "/src/Lease.cs", 30)));

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["CancellationTokenSource.CancelAfter at Lease.cs:30", "Task.ContinueWith at Cache.cs:12"], result.UncontrolledCalls.Order(StringComparer.Ordinal));
        Assert.Contains("not controlled (no model yet, they ran as written): ", result.Summary);
        Assert.Contains("Task.ContinueWith at Cache.cs:12", result.Summary);
        Assert.Contains("all passed; warning:", result.Summary);
    }

    [Fact]
    public void Each_assembly_is_named_once_however_often_and_wherever_it_is_called()
    {
        var result = LoomModel.Explore(() => Rewritten.All(
            () => { UnseenCode.Called(Pool, "A.cs", 1); UnseenCode.Called("Other.Package", "B.cs", 2); },
            () => UnseenCode.Called(Pool, "A.cs", 3)));

        Assert.Equal(["Microsoft.Extensions.ObjectPool", "Other.Package"], result.UnseenAssemblies);
        Assert.Contains("<LoomRewriteAssembly Include=\"Microsoft.Extensions.ObjectPool\" /> and <LoomRewriteAssembly Include=\"Other.Package\" />", result.Summary);
        Assert.Contains(" were not rewritten", result.Summary);
    }

    [Fact]
    public void A_failure_whose_execution_called_unseen_code_says_so_in_its_report()
    {
        var result = LoomModel.Explore(() =>
        {
            var taken = 0;
            Rewritten.All(
                () =>
                {
                    UnseenCode.Called(Pool, "BufferPool.cs", 14);
                    var seen = Interlocked.CompareExchange(ref taken, 0, 0);
                    Interlocked.Exchange(ref taken, seen + 1);
                },
                () =>
                {
                    var seen = Interlocked.CompareExchange(ref taken, 0, 0);
                    Interlocked.Exchange(ref taken, seen + 1);
                });
            Rewritten.Expect(Interlocked.CompareExchange(ref taken, 0, 0) == 2, "lost update");
        });

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.Contains("Warning: the threads ran code Loom did not see", result.Failure!.Report);
        Assert.Contains($"<LoomRewriteAssembly Include=\"{Pool}\" />", result.Failure.Report);
        Assert.Contains("failed: Exception; warning:", result.Summary);
    }

    [Fact]
    public void With_FailOnUnseenCode_a_call_into_unseen_code_fails_the_execution_at_its_line()
    {
        var result = LoomModel.Explore(TwoThreadsCallingThePool, new LoomOptions { FailOnUnseenCode = true });

        Assert.Equal(FailureKind.UncontrolledConcurrency, result.Failure?.Kind);
        Assert.Contains($"called into {Pool}, which the test build did not rewrite", result.Failure!.Message);
        Assert.Contains("BufferPool.cs:", result.Failure.Message);
    }

    [Fact]
    public void Outside_an_execution_the_calls_do_nothing()
    {
        UnseenCode.Called(Pool, "BufferPool.cs", 14);
        UnseenCode.NotControlled("Task.ContinueWith", "Cache.cs", 12);

        var result = LoomModel.Explore(() => Rewritten.All(() => { }, () => { }));

        Assert.Empty(result.UnseenAssemblies);
        Assert.Empty(result.UncontrolledCalls);
    }
}
