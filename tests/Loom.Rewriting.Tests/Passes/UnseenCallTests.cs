using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>
/// The calls into an assembly Loom does not see (a package the build did not rewrite that uses System.Threading):
/// each gets a call of the recorder right before it, with its source line, in every form a call takes, and the
/// program does what it did.
/// </summary>
public class UnseenCallTests
{
    private const string PoolSource = """
        using System.Threading;

        namespace Pool;

        public static class Counter
        {
            private static int s_count;
            public static int Hit() => Interlocked.Increment(ref s_count);
        }

        public sealed class Box<T>
        {
            public T? Value { get; set; }
        }

        public interface IThing
        {
            int Do();
        }

        public struct Thing : IThing
        {
            public int Do() => 2;
        }

        public class Base
        {
            public virtual int Size() => 3;
        }
        """;

    private const string CallerSource = """
        using Pool;

        public static class Caller
        {
            public static int Static() => Counter.Hit();

            public static int Instance()
            {
                var box = new Box<int>();
                box.Value = 4;
                return box.Value;
            }

            public static int Constrained<T>(T thing) where T : IThing => thing.Do();

            public static int Through() => Constrained(new Thing());

            public static int Loops()
            {
                int n = 0;
                while (Counter.Hit() < 3)
                    n++;
                return n;
            }

            public static int Arrays()
            {
                var things = new Thing[2, 2];
                things[1, 1] = default;
                return things.Length + Local.One();
            }

            public static int Derived() => new Sized().Size();
        }

        public sealed class Sized : Base
        {
            public Sized() : base() { }

            public override int Size() => base.Size() + 1;
        }

        internal static class Local
        {
            public static int One() => 1;
        }
        """;

    private static readonly Lazy<(Snippet Pool, string Rewritten, Loom.Rewriting.Passes.RewriteReport Report)> s_rewritten = new(() =>
    {
        var pool = Snippet.Compile(PoolSource, "Pool");
        var caller = Snippet.Compile(CallerSource, "Caller", references: [pool.AssemblyPath]);
        var (path, report) = Rewrite.File(caller.AssemblyPath, unseen: ["Pool"]);
        return (pool, path, report);
    });

    private static List<string> Run(string method, out object? result)
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value.Rewritten, s_rewritten.Value.Pool.Folder);
        StandInLog.Clear();
        result = loaded.Call("Caller", method);
        return StandInLog.Calls.ToList();
    }

    [Fact]
    public void A_static_call_into_the_assembly_is_marked_with_its_line()
    {
        var calls = Run("Static", out var result);

        Assert.Equal(1, result);
        Assert.Equal(["unseen Pool Caller.cs:5"], calls);
    }

    [Fact]
    public void Constructors_and_members_of_its_generic_types_are_marked()
    {
        var calls = Run("Instance", out var result);

        Assert.Equal(4, result);
        Assert.Equal(["unseen Pool Caller.cs:9", "unseen Pool Caller.cs:10", "unseen Pool Caller.cs:11"], calls);
    }

    [Fact]
    public void A_constrained_call_keeps_its_prefix_next_to_it()
    {
        var calls = Run("Through", out var result);

        Assert.Equal(2, result);
        Assert.Equal(["unseen Pool Caller.cs:14"], calls);
    }

    [Fact]
    public void A_marked_call_that_a_branch_jumps_to_is_marked_on_every_iteration()
    {
        var calls = Run("Loops", out var result);

        Assert.Equal(2, result);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("unseen Pool Caller.cs:21", c));
    }

    [Fact]
    public void Array_members_and_calls_within_the_assembly_itself_are_not_marked()
    {
        var calls = Run("Arrays", out var result);

        Assert.Equal(5, result);
        Assert.Empty(calls);
    }

    [Fact]
    public void A_base_constructor_call_and_a_call_of_its_virtual_method_through_an_override_are_marked()
    {
        var calls = Run("Derived", out var result);

        Assert.Equal(4, result);
        Assert.Equal(["unseen Pool Caller.cs:38", "unseen Pool Caller.cs:33", "unseen Pool Caller.cs:40"], calls);
    }

    [Fact]
    public void The_report_counts_the_marked_calls_by_assembly()
    {
        Assert.Equal(9, s_rewritten.Value.Report.UnseenCalls["Pool"]);
        Assert.Equal(0, s_rewritten.Value.Report.TotalSites);
    }

    [Fact]
    public void Calls_into_an_assembly_Loom_sees_are_not_marked()
    {
        var pool = Snippet.Compile(PoolSource, "Pool");
        var caller = Snippet.Compile(CallerSource, "Caller", references: [pool.AssemblyPath]);

        var (path, report) = Rewrite.File(caller.AssemblyPath, unseen: ["Other"]);

        Assert.Empty(report.UnseenCalls);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Each_marker_calls_the_recorder_right_before_the_call_with_the_stack_as_it_was()
    {
        using var module = ModuleDefinition.ReadModule(s_rewritten.Value.Rewritten);
        var body = module.GetType("Caller").Methods.Single(m => m.Name == "Constrained").Body.Instructions;

        var recorder = body.Single(i => i.OpCode == OpCodes.Call && ((MethodReference)i.Operand).Name == "Called");
        Assert.Equal(14, Convert.ToInt32(recorder.Previous.Operand));
        Assert.EndsWith("Caller.cs", (string)recorder.Previous.Previous.Operand);
        Assert.Equal("Pool", recorder.Previous.Previous.Previous.Operand);
        Assert.Equal(OpCodes.Constrained, recorder.Next.OpCode);
        Assert.Equal(OpCodes.Callvirt, recorder.Next.Next.OpCode);
    }
}
