using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>The fields pass on IL that C# does not write (prefixes edited in) and on fields of other assemblies.</summary>
public class FieldsPassEdgeTests
{
    private const string Cell = """
        public sealed class Cell
        {
            public int Value;
            public volatile int Flag;

            public static int Unaligned(Cell cell) => cell.Value;

            public static int Prefixed(Cell cell) => cell.Value;

            public static int Modified(Cell cell) => cell.Flag;

            public static int Run() => Unaligned(new Cell { Value = 4 }) + Prefixed(new Cell { Value = 5 }) + Modified(new Cell { Flag = 6 });
        }
        """;

    private static readonly Lazy<(string Original, string Rewritten, Loom.Rewriting.Passes.RewriteReport Report)> s_cell = new(() =>
    {
        var snippet = Snippet.Compile(Cell, "Cell");
        var edited = Edit(snippet, module =>
        {
            var type = module.GetType("Cell");
            Prefix(type, "Unaligned", Instruction.Create(OpCodes.Unaligned, (byte)1));
            Prefix(type, "Prefixed", Instruction.Create(OpCodes.Volatile));
            var modified = type.Methods.Single(m => m.Name == "Modified").Body;
            modified.GetILProcessor().Remove(modified.Instructions.Single(i => i.OpCode.Code == Code.Volatile));
        });
        var (path, report) = Rewrite.File(edited);
        return (edited, path, report);
    });

    [Fact]
    public void An_unaligned_access_is_left_as_written_and_reported()
    {
        using var original = ModuleDefinition.ReadModule(s_cell.Value.Original);
        using var rewritten = ModuleDefinition.ReadModule(s_cell.Value.Rewritten);

        Assert.Equal(1, s_cell.Value.Report.LeftAsIs["Cell.Value (unaligned. prefix)"]);
        Assert.Equal(Codes(original, "Unaligned"), Codes(rewritten, "Unaligned"));
    }

    [Fact]
    public void A_volatile_prefix_alone_or_a_volatile_field_alone_makes_a_volatile_access()
    {
        using var rewritten = ModuleDefinition.ReadModule(s_cell.Value.Rewritten);
        using var loaded = new LoadedAssembly(s_cell.Value.Rewritten);
        MemoryLog.Clear();

        Assert.Equal(15, loaded.Call("Cell", "Run"));
        Assert.Contains("ReadVolatile Cell.Value", MemoryLog.Accesses.Select(a => a[..a.LastIndexOf(' ')]));
        Assert.Contains("ReadVolatile Cell.Flag", MemoryLog.Accesses.Select(a => a[..a.LastIndexOf(' ')]));
        Assert.Contains("WriteVolatile Cell.Flag", MemoryLog.Accesses.Select(a => a[..a.LastIndexOf(' ')]));
        Assert.DoesNotContain(Code.Volatile, Codes(rewritten, "Prefixed"));
        Assert.Contains(Code.Nop, Codes(rewritten, "Prefixed"));
    }

    [Fact]
    public void A_field_of_an_assembly_the_rewriter_cannot_read_is_left_as_written_and_reported_and_tracked_once_it_can()
    {
        var library = Snippet.Compile("public class Shared { public int Count; }", "Library");
        const string User = "public static class User { public static int Touch(Shared shared) { shared.Count++; return shared.Count; } }";
        var user = Snippet.Compile(User, "User", references: [library.AssemblyPath]);

        var (_, unread) = Rewrite.File(user.AssemblyPath);
        File.Copy(library.AssemblyPath, Path.Combine(user.Folder, "Library.dll"));
        var (_, read) = Rewrite.File(user.AssemblyPath);

        Assert.Equal(0, unread.TotalSites);
        Assert.Equal(3, unread.LeftAsIs["Shared.Count (its declaration could not be read)"]);
        Assert.Equal(3, read.Sites["shared fields"]);
        Assert.Empty(read.LeftAsIs);
    }

    private static List<Code> Codes(ModuleDefinition module, string method) =>
        module.GetType("Cell").Methods.Single(m => m.Name == method).Body.Instructions.Select(i => i.OpCode.Code).ToList();

    private static void Prefix(TypeDefinition type, string method, Instruction prefix)
    {
        var body = type.Methods.Single(m => m.Name == method).Body;
        body.GetILProcessor().InsertBefore(body.Instructions.Single(i => i.OpCode.Code == Code.Ldfld), prefix);
    }

    /// <summary>A copy of the snippet with its IL changed by <paramref name="edit"/>, with symbols.</summary>
    private static string Edit(Snippet snippet, Action<ModuleDefinition> edit)
    {
        var path = Path.Combine(snippet.Folder, "edited", snippet.Name + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var module = ModuleDefinition.ReadModule(snippet.AssemblyPath, new ReaderParameters { ReadSymbols = true, InMemory = true });
        edit(module);
        module.Write(path, new WriterParameters { WriteSymbols = true });
        return path;
    }
}
