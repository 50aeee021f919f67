using System.Diagnostics;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

public class CallRedirectTests
{
    private const string Program = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Program
        {
            private static int s_count;
            private static readonly object s_gate = new();

            public static int Counts()
            {
                Interlocked.Increment(ref s_count);
                int local = 0;
                Interlocked.Increment(ref local);
                return local;
            }

            public static void Locks()
            {
                lock (s_gate)
                {
                    s_count++;
                }
            }

            public static int Semaphores()
            {
                var semaphore = new SemaphoreSlim(0);
                semaphore.Release();
                return semaphore.CurrentCount;
            }

            public static int Generic() => Task.Run(() => 41).Result + 1;

            public static string Exchanges()
            {
                string? slot = "a";
                return Interlocked.Exchange(ref slot, "b") + slot;
            }

            public static bool SpinLocks()
            {
                var spinLock = new SpinLock(false);
                bool taken = false;
                spinLock.Enter(ref taken);
                return taken;
            }

            public static int Loops()
            {
                int n = 0;
                while (Interlocked.Increment(ref n) < 5)
                {
                }
                return n;
            }

            public static int Year() => DateTime.UtcNow.Year;

            public static bool Untouched() => Monitor.IsEntered(s_gate);

            public static void Throws()
            {
                var unused = DateTime.UtcNow;
                throw new InvalidOperationException("from line 65");
            }

            public static int Randoms() => new Random().Next(1) + new DerivedRandom().Next(1);

            public static int Barriers()
            {
                int value = 3;
                Volatile.ReadBarrier();
                Volatile.WriteBarrier();
                return Volatile.Read(ref value);
            }
        }

        public sealed class DerivedRandom : Random
        {
            public DerivedRandom() : base(7) { }
        }
        """;

    private static readonly Lazy<(Snippet Snippet, string Rewritten, Loom.Rewriting.Passes.RewriteReport Report)> s_rewritten = new(() =>
    {
        var snippet = Snippet.Compile(Program);
        var (path, report) = Rewrite.File(snippet.AssemblyPath);
        return (snippet, path, report);
    });

    private static List<string> Run(string method, out object? result)
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value.Rewritten);
        StandInLog.Clear();
        result = loaded.Call("Program", method);
        return StandInLog.Calls.ToList();
    }

    [Fact]
    public void A_static_call_goes_to_its_stand_in_with_the_source_line_and_the_fields_name()
    {
        var calls = Run("Counts", out var result);

        Assert.Equal(1, result);
        Assert.Equal(["Interlocked.Increment Snippet.cs:12 s_count", "Interlocked.Increment Snippet.cs:14 local"], calls);
    }

    [Fact]
    public void The_lock_statement_goes_to_the_Monitor_stand_ins()
    {
        var calls = Run("Locks", out _);

        Assert.Equal(["Monitor.Enter Snippet.cs:20", "Monitor.Exit Snippet.cs:23"], calls);
    }

    [Fact]
    public void Constructors_instance_members_and_getters_go_to_their_stand_ins_with_the_real_object()
    {
        var calls = Run("Semaphores", out var result);

        Assert.Equal(1, result);
        Assert.Equal(["new SemaphoreSlim Snippet.cs:28", "SemaphoreSlim.Release Snippet.cs:29", "SemaphoreSlim.CurrentCount -:0"], calls);
    }

    [Fact]
    public void Generic_methods_and_members_of_generic_types_keep_their_type_arguments()
    {
        var calls = Run("Generic", out var result);

        Assert.Equal(42, result);
        Assert.Equal(["Task.Run<TResult> Snippet.cs:33", "Task<TResult>.Result Snippet.cs:33"], calls);
    }

    [Fact]
    public void A_generic_stand_in_of_a_generic_method_binds_its_argument()
    {
        var calls = Run("Exchanges", out var result);

        Assert.Equal("ab", result);
        Assert.Equal(["Interlocked.Exchange<T> Snippet.cs:38"], calls);
    }

    [Fact]
    public void A_struct_member_gets_its_instance_by_reference()
    {
        var calls = Run("SpinLocks", out var result);

        Assert.Equal(true, result);
        Assert.Equal(["SpinLock.Enter Snippet.cs:45"], calls);
    }

    [Fact]
    public void A_rewritten_call_that_a_branch_jumps_to_still_runs_on_every_iteration()
    {
        var calls = Run("Loops", out var result);

        Assert.Equal(5, result);
        Assert.Equal(5, calls.Count);
    }

    [Fact]
    public void Members_without_a_stand_in_are_left_as_written_reported_and_marked_for_the_run_to_name()
    {
        var calls = Run("Untouched", out var result);

        Assert.Equal(false, result);
        Assert.Equal(["not controlled Monitor.IsEntered Snippet.cs:60"], calls);
        Assert.Equal(1, s_rewritten.Value.Report.LeftAsIs["System.Threading.Monitor.IsEntered (no stand-in)"]);
    }

    [Fact]
    public void Only_newobj_is_a_constructor_site_never_a_base_constructor_call()
    {
        var calls = Run("Randoms", out var result);

        Assert.Equal(0, result);
        Assert.Equal(["new Random Snippet.cs:68"], calls);
    }

    [Fact]
    public void Members_declared_passing_through_are_not_reported_and_those_not_intercepted_yet_are()
    {
        var calls = Run("Barriers", out var result);

        Assert.Equal(3, result);
        Assert.Equal(["not controlled Volatile.WriteBarrier Snippet.cs:74", "Volatile.Read Snippet.cs:75"], calls);
        var left = s_rewritten.Value.Report.LeftAsIs;
        Assert.DoesNotContain(left.Keys, k => k.Contains("ReadBarrier", StringComparison.Ordinal));
        Assert.Equal(1, left["System.Threading.Volatile.WriteBarrier (not intercepted yet)"]);
    }

    [Fact]
    public void The_report_counts_sites_per_concern()
    {
        var report = s_rewritten.Value.Report;

        Assert.Equal(11, report.Sites["synchronization"]);
        Assert.Equal(2, report.Sites["tasks and timers"]);
        Assert.Equal(3, report.Sites["time and randomness"]);
    }

    [Fact]
    public void The_rewritten_PDB_keeps_the_original_source_lines_in_stack_traces()
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value.Rewritten);

        var thrown = Assert.Throws<InvalidOperationException>(() => loaded.Call("Program", "Throws"));

        var frame = new StackTrace(thrown, fNeedFileInfo: true).GetFrames().First(f => f.GetMethod()?.Name == "Throws");
        Assert.Equal(s_rewritten.Value.Snippet.SourcePath, frame.GetFileName());
        Assert.Equal(65, frame.GetFileLineNumber());
    }

    [Fact]
    public void The_rewritten_module_calls_only_stand_ins_where_it_called_intercepted_members()
    {
        using var module = ModuleDefinition.ReadModule(s_rewritten.Value.Rewritten);
        var calls = module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj)
            .Select(i => ((MethodReference)i.Operand).DeclaringType.FullName)
            .ToList();

        Assert.DoesNotContain("System.Threading.Interlocked", calls);
        Assert.DoesNotContain("System.Threading.SemaphoreSlim", calls);
        Assert.Contains("Loom.Rewriting.Tests.Support.InterlockedStandIns", calls);
        Assert.Single(calls, c => c == "System.Threading.Monitor");
    }
}
