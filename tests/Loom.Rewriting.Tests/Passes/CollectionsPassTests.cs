using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>
/// The collections pass with Loom.Core's real stand-ins: it owns the ordinary collections of System.Collections.Generic
/// and nothing else, redirects their call sites (not calls through their interfaces, nor a static constructor's), and
/// unmodified code that shares a Dictionary between two threads fails under Loom once rewritten.
/// </summary>
public class CollectionsPassTests
{
    private const string Program = """
        using System.Collections.Generic;
        using System.Threading;

        public static class Program
        {
            private static readonly Dictionary<string, int> s_seed = new() { ["seed"] = 1 };
            private static readonly object s_gate = new();

            public static int Fill(bool locked)
            {
                var cache = new Dictionary<string, int>();
                var a = new Thread(() => Add(cache, locked));
                var b = new Thread(() => Add(cache, locked));
                a.Start();
                b.Start();
                a.Join();
                b.Join();
                return cache.Count;
            }

            private static void Add(Dictionary<string, int> cache, bool locked)
            {
                if (locked)
                    Monitor.Enter(s_gate);
                if (!cache.ContainsKey("answer"))
                    cache.Add("answer", 42);
                if (locked)
                    Monitor.Exit(s_gate);
            }

            public static int ThroughAnInterface()
            {
                IDictionary<string, int> map = new Dictionary<string, int>();
                map.Add("a", 1);
                return map.Count;
            }

            public static int Seeded() => s_seed["seed"];
        }
        """;

    private static readonly Lazy<InterceptionTable> s_table = new(() =>
        InterceptionTable.Read(ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true })));

    private static readonly Lazy<(string Path, RewriteReport Report)> s_rewritten = new(() =>
    {
        var snippet = Snippet.Compile(Program, "Collections");
        var destination = Path.Combine(snippet.Folder, "rewritten", "Collections.dll");
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return (destination, new AssemblyRewriter(s_table.Value).Rewrite(snippet.AssemblyPath, destination, resolver));
    });

    [Fact]
    public void The_collections_pass_owns_the_stand_ins_of_System_Collections_Generic_and_no_others()
    {
        var pass = new CollectionsPass(s_table.Value);
        var owned = s_table.Value.StandIns.Where(s => pass.Owns(s.Target.FullName, s.Method.Name)).ToList();

        Assert.All(owned, s => Assert.StartsWith("System.Collections.Generic.", s.Target.FullName, StringComparison.Ordinal));
        Assert.Equal(
            ["Dictionary`2", "HashSet`1", "LinkedList`1", "List`1", "Queue`1", "SortedDictionary`2", "SortedSet`1", "Stack`1"],
            owned.Select(s => s.Target.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_of_the_collections_are_redirected_and_counted_but_not_through_an_interface_nor_in_a_static_constructor()
    {
        var (path, report) = s_rewritten.Value;

        // Fill's Count, Add's ContainsKey and Add, Seeded's indexer; constructors pass through.
        Assert.Equal(4, report.Sites["collections"]);
        using var module = ModuleDefinition.ReadModule(path);
        var program = module.GetType("Program");
        Assert.Contains(Calls(program.Methods.Single(m => m.Name == "ThroughAnInterface")), c => c == "System.Collections.Generic.ICollection`1<System.Collections.Generic.KeyValuePair`2<System.String,System.Int32>>::get_Count");
        Assert.Contains(Calls(program.Methods.Single(m => m.IsConstructor && m.IsStatic)), c => c == "System.Collections.Generic.Dictionary`2<System.String,System.Int32>::set_Item");
        Assert.Contains(Calls(program.Methods.Single(m => m.Name == "Add")), c => c.StartsWith("Loom.Interception.DictionaryOfTKeyTValueCalls::ContainsKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Unmodified_check_then_add_on_a_shared_Dictionary_fails_under_Loom_once_rewritten_and_a_lock_fixes_it()
    {
        using var loaded = new LoadedAssembly(s_rewritten.Value.Path);

        var buggy = LoomModel.Explore(() => loaded.Call("Program", "Fill", false));
        var fixedModel = LoomModel.Explore(() => loaded.Call("Program", "Fill", true));

        Assert.Equal(FailureKind.Exception, buggy.Failure?.Kind);
        Assert.Contains("An item with the same key has already been added", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File?.EndsWith("Collections.cs", StringComparison.Ordinal) == true && step.Line == 26);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.Equal(1, loaded.Call("Program", "Seeded"));
        Assert.Equal(1, loaded.Call("Program", "ThroughAnInterface"));
    }

    private static IEnumerable<string> Calls(MethodDefinition method) =>
        method.Body.Instructions.Where(i => i.OpCode.Code is Code.Call or Code.Callvirt).Select(i => (MethodReference)i.Operand)
            .Select(m => $"{m.DeclaringType.FullName}::{m.Name}");
}
