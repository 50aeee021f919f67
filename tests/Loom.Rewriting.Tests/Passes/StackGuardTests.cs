using System.IO;
using System.Linq;
using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>
/// Recursion in rewritten code: a method that can call itself gets a stack guard on entry, so a recursion that never
/// ends fails its execution instead of overflowing the stack and ending the test process; a bounded one runs as written.
/// </summary>
public class StackGuardTests
{
    private const string Source = """
        public static class Recursion
        {
            public static int Forever(int n) => Forever(n + 1) + 1;

            public static bool IsEven(int n) => n == 0 || IsOdd(n - 1);

            public static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

            public static int Depth(int n) => n == 0 ? 0 : Depth(n - 1) + 1;

            public static int Loop(int n)
            {
                var total = 0;
                for (var i = 0; i < n; i++)
                    total += Plain(i);
                return total;
            }

            public static int Plain(int n) => n * 2;

            public static void Endless() => Forever(0);

            public static void Bounded()
            {
                if (Depth(2_000) != 2_000 || !IsEven(1_000))
                    throw new System.Exception("the bounded recursion gave a wrong answer");
            }

            public static void MutualForever() => IsEven(int.MaxValue);
        }
        """;

    private static readonly System.Lazy<string> s_rewritten = new(() =>
    {
        var snippet = Snippet.Compile(Source, "Recursion");
        var destination = Path.Combine(snippet.Folder, "rewritten", "Recursion.dll");
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var table = InterceptionTable.Read(ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true }));
        new AssemblyRewriter(table).Rewrite(snippet.AssemblyPath, destination, resolver);
        return destination;
    });

    [Fact]
    public void Only_methods_on_a_call_cycle_get_the_guard_once_at_entry()
    {
        using var module = ModuleDefinition.ReadModule(s_rewritten.Value);
        var type = module.GetType("Recursion");

        int Guards(string method) => type.Methods.Single(m => m.Name == method).Body.Instructions
            .Count(i => i.OpCode == OpCodes.Call && ((MethodReference)i.Operand).DeclaringType.FullName == "Loom.Interception.StackGuard");

        Assert.Equal([1, 1, 1, 1], new[] { "Forever", "IsEven", "IsOdd", "Depth" }.Select(Guards));
        Assert.Equal([0, 0, 0], new[] { "Loop", "Plain", "Endless" }.Select(Guards));
        var forever = type.Methods.Single(m => m.Name == "Forever").Body.Instructions;
        Assert.Equal("Recursion.Forever", forever[0].Operand);
        Assert.Equal("Enter", ((MethodReference)forever[1].Operand).Name);
    }

    [Theory]
    [InlineData("Endless", "Recursion.Forever")]
    [InlineData("MutualForever", "Recursion.Is")]
    public void A_recursion_that_never_ends_fails_its_execution_instead_of_ending_the_process(string method, string named)
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value);

        var result = LoomModel.Explore(() => loaded.Call("Recursion", method));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.IsType<System.InsufficientExecutionStackException>(failure.Exception);
        Assert.Contains($"thread 0 on entry to {named}", failure.Exception!.Message);
    }

    [Fact]
    public void A_bounded_recursion_runs_as_written_inside_and_outside_an_execution()
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value);

        // On a thread the execution starts, so the body reaches an operation Loom controls.
        var result = LoomModel.Explore(() =>
        {
            var thread = new Loom.Threading.Thread(() => loaded.Call("Recursion", "Bounded"));
            thread.Start();
            thread.Join();
        });
        loaded.Call("Recursion", "Bounded");

        Assert.True(result.Passed, result.Failure?.Report);
    }
}
