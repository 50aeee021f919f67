using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

public class FieldsPassTests
{
    private const string Stand = "Loom.Rewriting.Tests.Support.FieldCalls";
    private const string ArrayStand = "Loom.Rewriting.Tests.Support.ArrayCalls";

    private static readonly Lazy<Compiled> s_debug = new(() => Compiled.Of(optimize: false));
    private static readonly Lazy<Compiled> s_release = new(() => Compiled.Of(optimize: true));

    /// <summary>The snippet's entry points, with what each returns or throws as compiled.</summary>
    private static readonly (string Method, string Outcome)[] s_programs =
        [
            ("Fields", "returns 6"),
            ("Volatiles", "returns True"),
            ("Addresses", "returns 14"),
            ("NullRead", "throws NullReferenceException"),
            ("NullWrite", "throws NullReferenceException"),
            ("NullAddress", "throws NullReferenceException"),
            ("Untracked", "returns 7"),
            ("Structs", "returns 8"),
            ("Boxes", "returns 4 ab 1 1"),
            ("Closures", "returns 22"),
            ("Cached", "returns 2"),
            ("PickFirst", "returns 11"),
            ("PickSecond", "returns 22"),
            ("Guarded", "returns 122"),
            ("Arrays", "returns 6 11 6 True False x Blue n 3 2"),
            ("OutOfRange", "throws IndexOutOfRangeException"),
            ("Negative", "throws IndexOutOfRangeException"),
            ("OutOfRangeLong", "throws IndexOutOfRangeException"),
            ("NullArray", "throws NullReferenceException"),
            ("CovariantStore", "throws ArrayTypeMismatchException"),
            ("CovariantRead", "returns stored"),
            ("CovariantGeneric", "returns described"),
            ("CovariantGenericStore", "throws ArrayTypeMismatchException"),
            ("GenericStore", "returns put"),
            ("Async", "returns 2"),
            ("Framework", "returns 2"),
        ];

    public static TheoryData<string, string, bool> Programs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var optimize in new[] { false, true })
        {
            foreach (var (method, outcome) in s_programs)
                data.Add(method, outcome, optimize);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Rewritten_code_returns_and_throws_what_the_original_does(string method, string outcome, bool optimize)
    {
        var compiled = optimize ? s_release.Value : s_debug.Value;

        Assert.Equal(outcome, Run(compiled.Snippet.AssemblyPath, method, out _));
        Assert.Equal(outcome, Run(compiled.Rewritten, method, out _));
    }

    [Fact]
    public void Field_reads_and_writes_go_to_the_stand_ins_with_the_fields_name_and_the_source_line()
    {
        Run(s_debug.Value.Rewritten, "Fields", out var accesses);

        int Line(string marker) => FieldsProgram.Line(marker);
        Assert.Equal(
        [
            $"Write Counter._count Snippet.cs:{Line("// initializer")}",
            $"Read Counter._count Snippet.cs:{Line("// bump")}",
            $"Write Counter._count Snippet.cs:{Line("// bump")}",
            $"ReadStatic Counter.s_total Snippet.cs:{Line("// total")}",
            $"WriteStatic Counter.s_total Snippet.cs:{Line("// total")}",
            $"Read Counter._count Snippet.cs:{Line("// sum")}",
            $"ReadStatic Counter.s_total Snippet.cs:{Line("// sum")}",
        ], accesses);
    }

    [Fact]
    public void Volatile_fields_go_to_the_volatile_stand_ins_and_their_prefix_becomes_a_nop()
    {
        Run(s_debug.Value.Rewritten, "Volatiles", out var accesses);
        using var module = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);
        var stop = Method(module, "Counter", "Stop");

        Assert.Equal(["WriteVolatile Counter._stopped", "WriteStaticVolatile Counter.s_flag", "ReadVolatile Counter._stopped", "ReadStaticVolatile Counter.s_flag"],
            WithoutLines(accesses).Skip(1));   // the first is the constructor's _count = 3
        Assert.DoesNotContain(stop.Body.Instructions, i => i.OpCode.Code == Code.Volatile);
    }

    [Fact]
    public void A_fields_address_goes_to_the_stand_in_and_the_call_that_takes_it_still_names_the_field()
    {
        StandInLog.Clear();
        Run(s_debug.Value.Rewritten, "Addresses", out var accesses);

        Assert.Equal(["Address Counter._count", "AddressStatic Counter.s_total", "Address Counter._count", "Read Counter._count"],
            WithoutLines(accesses).Skip(1));
        Assert.Contains($"Interlocked.Increment Snippet.cs:{FieldsProgram.Line("// interlocked")} _count", StandInLog.Calls);
    }

    [Fact]
    public void Generic_fields_call_the_stand_in_of_the_instances_field_type_and_inside_their_class_of_its_parameter()
    {
        using var module = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);

        var outside = StandInCalls(Method(module, "Program", "Boxes"));
        var inside = StandInCalls(Method(module, "Box`1", "Get"));

        Assert.Contains("Write<System.Int32>", outside);
        Assert.Contains("Read<System.Int32>", outside);
        Assert.Contains("Write<System.String>", outside);
        Assert.Equal(["ReadStatic<System.Int32>", "WriteStatic<System.Int32>", "Read<T>"], inside);
        var read = Method(module, "Box`1", "Get").Body.Instructions.Select(i => i.Operand).OfType<GenericInstanceMethod>().Last();
        Assert.Same(Method(module, "Box`1", "Get").DeclaringType, ((GenericParameter)read.GenericArguments[0]).Owner);
    }

    [Fact]
    public void A_static_field_of_a_generic_class_has_one_handle_per_instantiation_inside_its_class_and_out()
    {
        Run(s_debug.Value.Rewritten, "Boxes", out var accesses);
        var handles = MemoryLog.Handles;

        var countOfInts = Enumerable.Range(0, accesses.Count).Where(i => accesses[i].StartsWith("ReadStatic Box.Count", StringComparison.Ordinal)).ToList();
        // Get() on the Box<string> inside its class, then Box<int>.Count and Box<string>.Count outside, in the interpolation.
        Assert.Equal(4, countOfInts.Count);
        var (insideOfStrings, insideOfInts, outsideOfInts, outsideOfStrings) = (handles[countOfInts[0]], handles[countOfInts[1]], handles[countOfInts[2]], handles[countOfInts[3]]);
        Assert.Equal(insideOfInts, outsideOfInts);
        Assert.Equal(insideOfStrings, outsideOfStrings);
        Assert.NotEqual(outsideOfInts, outsideOfStrings);
    }

    [Fact]
    public void The_captured_locals_of_a_closure_are_tracked()
    {
        Run(s_debug.Value.Rewritten, "Closures", out var accesses);

        Assert.Contains(accesses, a => a.StartsWith("Write Program.<>c__DisplayClass", StringComparison.Ordinal) && a.Contains(".captured ", StringComparison.Ordinal));
        Assert.Contains(accesses, a => a.StartsWith("Read Program.<>c__DisplayClass", StringComparison.Ordinal) && a.EndsWith($":{FieldsProgram.Line("// captured")}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_structs_own_fields_are_left_as_written_and_the_class_field_that_holds_it_is_tracked_by_address()
    {
        Run(s_debug.Value.Rewritten, "Structs", out var accesses);
        using var module = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);
        var moveSpot = Method(module, "Counter", "MoveSpot").Body.Instructions;

        Assert.Equal(["Address Counter.Spot", "Address Counter.Spot", "Address Counter.Spot"], WithoutLines(accesses).Skip(1));
        Assert.Contains(moveSpot, i => i.OpCode.Code == Code.Stfld && ((FieldReference)i.Operand).FullName == "System.Int32 Point::X");
        Assert.Contains(moveSpot, i => i.OpCode.Code == Code.Ldfld && ((FieldReference)i.Operand).FullName == "System.Int32 Point::X");
    }

    [Fact]
    public void Array_elements_go_to_the_stand_ins_of_their_element_type_with_a_native_index()
    {
        Run(s_debug.Value.Rewritten, "Arrays", out var accesses);
        using var module = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);
        var arrays = Method(module, "Program", "Arrays").Body.Instructions;

        Assert.Equal($"Write<Int32> Snippet.cs:{FieldsProgram.Line("// element")}", accesses[0]);
        // bool[] and char[] are written as sbyte and short (stelem.i1, stelem.i2), read as byte and ushort.
        foreach (var expected in new[] { "Read<Int32>", "Write<SByte>", "Read<Byte>", "Write<Int16>", "Read<UInt16>", "Write<Object>", "Read<Object>", "Write<Point>", "Address<Point>", "Address<Int32>" })
            Assert.Contains(accesses, a => a.StartsWith(expected + " ", StringComparison.Ordinal) || a == expected);
        Assert.DoesNotContain(arrays, i => i.OpCode.Code.ToString().StartsWith("Ldelem", StringComparison.Ordinal) || i.OpCode.Code.ToString().StartsWith("Stelem", StringComparison.Ordinal));
        // conv.i, then for a write the value, then for a read or a write the file and line.
        var calls = arrays.Where(i => i.Operand is MethodReference m && m.DeclaringType.FullName == ArrayStand).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Contains(Code.Conv_I, Before(call, 4).Select(i => i.OpCode.Code)));
    }

    [Fact]
    public void A_readonly_element_address_of_a_covariant_array_is_taken_without_the_exact_type_check()
    {
        using var module = ModuleDefinition.ReadModule(s_debug.Value.Snippet.AssemblyPath);
        Assert.Contains(Method(module, "Program", "Describe").Body.Instructions, i => i.OpCode.Code == Code.Readonly);

        Assert.Equal("returns described", Run(s_debug.Value.Rewritten, "CovariantGeneric", out var accesses));
        Assert.Equal(["Write<Object>", "ReadOnlyAddress<Object>"], WithoutLines(accesses));   // the initializer's store, then the call
    }

    [Fact]
    public void A_branch_to_a_field_load_lands_on_its_rewritten_form()
    {
        foreach (var compiled in new[] { s_debug.Value, s_release.Value })
        {
            using var original = ModuleDefinition.ReadModule(compiled.Snippet.AssemblyPath);
            using var rewritten = ModuleDefinition.ReadModule(compiled.Rewritten);
            foreach (var name in new[] { "Choose", "ChooseStatic" })
            {
                var before = BranchTargets(Method(original, "Program", name));
                var after = BranchTargets(Method(rewritten, "Program", name));
                Assert.Contains(before, t => t.OpCode.Code is Code.Ldfld or Code.Ldsfld);
                Assert.DoesNotContain(after, t => t.OpCode.Code is Code.Ldfld or Code.Ldsfld);
                Assert.Contains(after, t => t.OpCode.Code is Code.Dup or Code.Ldsflda);
            }
        }
    }

    [Fact]
    public void Accesses_at_the_start_of_an_exception_handler_keep_the_handler_there()
    {
        using var original = ModuleDefinition.ReadModule(s_release.Value.Snippet.AssemblyPath);
        using var rewritten = ModuleDefinition.ReadModule(s_release.Value.Rewritten);
        var catchBefore = Method(original, "Program", "Guarded").Body.ExceptionHandlers.Single(h => h.HandlerType == ExceptionHandlerType.Catch);
        var catchAfter = Method(rewritten, "Program", "Guarded").Body.ExceptionHandlers.Single(h => h.HandlerType == ExceptionHandlerType.Catch);

        Assert.Equal(Code.Stsfld, catchBefore.HandlerStart.OpCode.Code);       // catch (E e) { s_last = e; ... }
        Assert.StartsWith("stloc", catchAfter.HandlerStart.OpCode.Name, StringComparison.Ordinal);   // the exception, kept for the store
        Assert.Equal(Code.Ldsflda, catchAfter.HandlerStart.Next.OpCode.Code);
        Assert.Equal("returns 122", Run(s_release.Value.Rewritten, "Guarded", out var accesses));
        Assert.Contains("WriteStatic Program.s_last", WithoutLines(accesses));
    }

    [Theory]
    [InlineData("Counter", "Untracked")]     // readonly and [ThreadStatic]
    [InlineData("Point", "Sum")]             // a struct's fields
    [InlineData("Program", "Cached")]        // the compiler's cached lambda
    [InlineData("Program", "Framework")]     // a field declared in .NET
    public void Fields_the_pass_skips_leave_the_IL_as_written(string type, string method)
    {
        using var original = ModuleDefinition.ReadModule(s_debug.Value.Snippet.AssemblyPath);
        using var rewritten = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);

        Assert.Equal(Listing(Method(original, type, method)), Listing(Method(rewritten, type, method)));
    }

    [Fact]
    public void The_hoisted_locals_of_an_async_method_are_left_as_written()
    {
        using var original = ModuleDefinition.ReadModule(s_debug.Value.Snippet.AssemblyPath);
        using var rewritten = ModuleDefinition.ReadModule(s_debug.Value.Rewritten);
        MethodDefinition MoveNext(ModuleDefinition module) => module.GetTypes()
            .Single(t => t.Interfaces.Any(i => i.InterfaceType.Name == "IAsyncStateMachine")).Methods.Single(m => m.Name == "MoveNext");

        Assert.False(MoveNext(original).DeclaringType.IsValueType);   // a Debug build's state machine is a class
        Assert.Contains(MoveNext(original).Body.Instructions, i => i.OpCode.Code == Code.Stfld);
        // Other passes may add calls (a marker before a call left as written); the fields pass adds none and keeps every field access.
        static IEnumerable<string> FieldAccesses(MethodDefinition method) => method.Body.Instructions
            .Where(i => i.Operand is FieldReference).Select(i => $"{i.OpCode} {((FieldReference)i.Operand).Name}");
        Assert.Equal(FieldAccesses(MoveNext(original)), FieldAccesses(MoveNext(rewritten)));
        Assert.DoesNotContain(MoveNext(rewritten).Body.Instructions, i => i.Operand is MethodReference m && m.DeclaringType.Name is "FieldCalls" or "ArrayCalls");
    }

    [Fact]
    public void The_report_counts_each_access_under_shared_fields()
    {
        const string Pair = """
            public sealed class Pair
            {
                public int A;
                public static int B;
                public int[] C = new int[2];

                public int Sum()
                {
                    A = B;
                    C[0] = C[1];
                    return A;
                }
            }
            """;
        var (_, report) = Rewrite.File(Snippet.Compile(Pair, "Pair").AssemblyPath);

        // The constructor's C; ldsfld B and stfld A; two loads of C, a load and a store of an element; A.
        Assert.Equal(new Dictionary<string, int> { ["shared fields"] = 8 }, report.Sites);
        Assert.Equal("8 call sites rewritten (shared fields 8)", RewriteRun.Describe(report, new AssemblyRewriter(Rewrite.Table)));
    }

    [Fact]
    public void With_Loom_Cores_own_stand_ins_the_rewritten_code_runs_as_written()
    {
        using var core = ModuleDefinition.ReadModule(typeof(Loom.Interception.FieldCalls).Assembly.Location, new ReaderParameters { InMemory = true });
        var snippet = Snippet.Compile(FieldsProgram.Source, "WithCore");
        var (path, report) = Rewrite.File(snippet.AssemblyPath, InterceptionTable.Read(core));

        Assert.True(report.Sites["shared fields"] > 50);
        foreach (var (method, outcome) in s_programs)
            Assert.Equal((method, outcome), (method, Run(path, method, out _)));
        using var module = ModuleDefinition.ReadModule(path);
        Assert.Contains("Loom.Interception.FieldCalls", StandInTypes(Method(module, "Counter", "Bump")));
        Assert.Contains("Loom.Interception.ArrayCalls", StandInTypes(Method(module, "Program", "Arrays")));
    }

    /// <summary>Runs <paramref name="method"/> of the snippet's Program in <paramref name="assembly"/>; what it returned or threw.</summary>
    private static string Run(string assembly, string method, out List<string> accesses)
    {
        using var loaded = new LoadedAssembly(assembly);
        MemoryLog.Clear();
        try
        {
            return $"returns {loaded.Call("Program", method)}";
        }
        catch (Exception e)
        {
            return $"throws {e.GetType().Name}";
        }
        finally
        {
            accesses = MemoryLog.Accesses.ToList();
        }
    }

    private static IEnumerable<Instruction> Before(Instruction instruction, int count)
    {
        for (var at = instruction.Previous; at is not null && count-- > 0; at = at.Previous)
            yield return at;
    }

    private static IEnumerable<string> WithoutLines(IEnumerable<string> accesses) =>
        accesses.Select(a => a.LastIndexOf(' ') is var space and > 0 && a[(space + 1)..].Contains(':') ? a[..space] : a);

    private static MethodDefinition Method(ModuleDefinition module, string type, string name) =>
        module.GetTypes().Single(t => t.Name == type).Methods.Single(m => m.Name == name);

    private static List<string> StandInCalls(MethodDefinition method) => method.Body.Instructions
        .Select(i => i.Operand).OfType<GenericInstanceMethod>()
        .Where(m => m.DeclaringType.FullName == Stand)
        .Select(m => $"{m.Name}<{m.GenericArguments[0].FullName}>")
        .ToList();

    private static List<string> StandInTypes(MethodDefinition method) => method.Body.Instructions
        .Select(i => i.Operand).OfType<MethodReference>().Select(m => m.DeclaringType.FullName).ToList();

    private static List<Instruction> BranchTargets(MethodDefinition method) => method.Body.Instructions
        .SelectMany(i => i.Operand switch { Instruction target => [target], Instruction[] targets => targets, _ => Array.Empty<Instruction>() })
        .ToList();

    /// <summary>A body's instructions, branch targets by index, in their long forms (the writer may choose the short ones).</summary>
    private static List<string> Listing(MethodDefinition method)
    {
        method.Body.SimplifyMacros();
        var instructions = method.Body.Instructions;
        return instructions.Select(i => $"{i.OpCode} {(i.Operand is Instruction target ? instructions.IndexOf(target) : i.Operand)}").ToList();
    }

    private sealed record Compiled(Snippet Snippet, string Rewritten, RewriteReport Report)
    {
        public static Compiled Of(bool optimize)
        {
            var snippet = Snippet.Compile(FieldsProgram.Source, optimize: optimize);
            var (path, report) = Rewrite.File(snippet.AssemblyPath);
            return new Compiled(snippet, path, report);
        }
    }
}
