using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Loom.Rewriting.Driver;
using Loom.Rewriting.Tests.Support;
using Xunit;

namespace Loom.Rewriting.Tests.Driver;

public class RewriteRunTests
{
    private const string Counter = """
        using System.Threading;
        public static class Counter
        {
            private static int s_count;
            public static int Hit() => Interlocked.Increment(ref s_count);
        }
        """;

    private static string StandIns => typeof(RewriteRunTests).Assembly.Location;

    private static (int ExitCode, string Output) Run(params string[] lines)
    {
        var output = new StringWriter();
        var log = new BuildLog(output);
        var exit = RewriteRun.Execute(RewriteRequest.Parse(lines), log);
        return (exit, output.ToString());
    }

    private static (Snippet Snippet, string Cache, string Destination) Project(string source = Counter, string name = "Counter")
    {
        var snippet = Snippet.Compile(source, name);
        var output = Path.Combine(snippet.Folder, "bin");
        Directory.CreateDirectory(output);
        var destination = Path.Combine(output, name + ".dll");
        File.Copy(snippet.AssemblyPath, destination);
        return (snippet, Path.Combine(snippet.Folder, "obj", "loom-rewrite"), destination);
    }

    private static string[] Request(Snippet snippet, string cache, string destination, params string[] more) =>
        [$"standins\t{StandIns}", $"cache\t{cache}", $"rewrite\ttest\t{snippet.AssemblyPath}\t{destination}", .. more];

    [Fact]
    public void The_output_gets_the_rewritten_assembly_and_its_pdb_and_the_build_a_message_with_the_counts()
    {
        var (snippet, cache, destination) = Project();

        var (exit, output) = Run(Request(snippet, cache, destination));

        Assert.Equal(0, exit);
        Assert.Matches(@"^Loom\.Rewriting: Counter\.dll: 2 call sites rewritten \(synchronization 1, shared fields 1\) \(\d+\.\d\d s\)", output);
        Assert.NotEqual(File.ReadAllBytes(snippet.AssemblyPath), File.ReadAllBytes(destination));
        Assert.True(File.Exists(Path.ChangeExtension(destination, ".pdb")));
        using var loaded = new LoadedAssembly(destination);
        StandInLog.Clear();
        loaded.Call("Counter", "Hit");
        Assert.Equal(["Interlocked.Increment Counter.cs:5 s_count"], StandInLog.Calls);
    }

    [Fact]
    public void An_unchanged_build_rewrites_nothing_and_copies_the_cached_copy()
    {
        var (snippet, cache, destination) = Project();
        Run(Request(snippet, cache, destination));
        var first = File.ReadAllBytes(destination);
        File.Copy(snippet.AssemblyPath, destination, overwrite: true);   // MSBuild copies the original again

        var (exit, output) = Run(Request(snippet, cache, destination));

        Assert.Equal(0, exit);
        Assert.Contains("Counter.dll: 2 call sites rewritten (synchronization 1, shared fields 1) (unchanged: taken from obj/)", output);
        Assert.Equal(first, File.ReadAllBytes(destination));
    }

    [Fact]
    public void A_changed_assembly_is_rewritten_again_and_its_older_cache_entry_goes()
    {
        var (snippet, cache, destination) = Project();
        Run(Request(snippet, cache, destination));
        var changed = Snippet.Compile(Counter.Replace("Hit()", "Hit2()"), "Counter");
        File.Copy(changed.AssemblyPath, snippet.AssemblyPath, overwrite: true);
        File.Copy(changed.PdbPath, snippet.PdbPath, overwrite: true);

        var (_, output) = Run(Request(snippet, cache, destination));

        Assert.DoesNotContain("unchanged", output);
        Assert.Single(Directory.GetDirectories(cache, "Counter.*"));
    }

    [Fact]
    public void The_rewritten_copy_is_the_same_bytes_every_time()
    {
        var (snippet, cache, destination) = Project();
        Run(Request(snippet, cache, destination));
        var first = File.ReadAllBytes(destination);
        Directory.Delete(cache, recursive: true);

        Run(Request(snippet, cache, destination));

        Assert.Equal(first, File.ReadAllBytes(destination));
    }

    [Fact]
    public void An_assembly_with_nothing_to_rewrite_stays_as_it_was()
    {
        var (snippet, cache, destination) = Project("public static class Plain { public static int One() => 1; }", "Plain");

        var (exit, output) = Run(Request(snippet, cache, destination));

        Assert.Equal(0, exit);
        Assert.Contains("Plain.dll: nothing to rewrite", output);
        Assert.Equal(File.ReadAllBytes(snippet.AssemblyPath), File.ReadAllBytes(destination));
    }

    [Fact]
    public void A_named_package_assembly_is_rewritten_and_an_unnamed_one_is_not()
    {
        var (snippet, cache, destination) = Project();
        var named = Project(Counter, "Named");
        var unnamed = Project(Counter, "Unnamed");

        var (exit, output) = Run(Request(snippet, cache, destination,
            $"package\t{named.Snippet.AssemblyPath}\t{named.Destination}",
            $"package\t{unnamed.Snippet.AssemblyPath}\t{unnamed.Destination}",
            "named\tNamed"));

        Assert.Equal(0, exit);
        Assert.Contains("Named.dll: 2 call sites rewritten", output);
        Assert.DoesNotContain("Unnamed.dll: 1 call site rewritten", output);
        Assert.Contains("Unnamed.dll: not rewritten", output);
        Assert.Equal(File.ReadAllBytes(unnamed.Snippet.AssemblyPath), File.ReadAllBytes(unnamed.Destination));
    }

    [Fact]
    public void All_packages_are_rewritten_with_LoomRewritePackages_all_except_those_Loom_never_rewrites()
    {
        var (snippet, cache, destination) = Project();
        var package = Project(Counter, "SomePackage");
        var framework = Project(Counter, "xunit.v3.core");

        var (exit, output) = Run(Request(snippet, cache, destination,
            $"package\t{package.Snippet.AssemblyPath}\t{package.Destination}",
            $"package\t{framework.Snippet.AssemblyPath}\t{framework.Destination}",
            "packages\tall"));

        Assert.Equal(0, exit);
        Assert.Contains("SomePackage.dll: 2 call sites rewritten", output);
        Assert.Equal(File.ReadAllBytes(framework.Snippet.AssemblyPath), File.ReadAllBytes(framework.Destination));
    }

    [Fact]
    public void Naming_an_assembly_that_is_not_in_the_output_is_an_error_that_names_it()
    {
        var (snippet, cache, destination) = Project();

        var (exit, output) = Run(Request(snippet, cache, destination, "named\tMicrosoft.Extensions.ObjectPol"));

        Assert.Equal(1, exit);
        Assert.Contains("Microsoft.Extensions.ObjectPol : error LOOM1003: <LoomRewriteAssembly Include=\"Microsoft.Extensions.ObjectPol\" /> names an assembly that is not in this test project's output", output);
    }

    [Fact]
    public void Naming_an_assembly_Loom_never_rewrites_is_an_error_that_says_why()
    {
        var (snippet, cache, destination) = Project();
        var loom = Project(Counter, "Loom.Core");

        var (exit, output) = Run(Request(snippet, cache, destination, $"package\t{loom.Snippet.AssemblyPath}\t{loom.Destination}", "named\tLoom.Core"));

        Assert.Equal(1, exit);
        Assert.Contains("error LOOM1004: Loom does not rewrite Loom.Core.dll: it is one of Loom's own assemblies.", output);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_an_error_naming_it_and_the_others_are_still_rewritten()
    {
        var (snippet, cache, destination) = Project();
        var bad = Path.Combine(snippet.Folder, "Broken.dll");
        File.WriteAllText(bad, "not a PE file");

        var (exit, output) = Run([.. Request(snippet, cache, destination), $"rewrite\tproject\t{bad}\t{Path.Combine(snippet.Folder, "bin", "Broken.dll")}"]);

        Assert.Equal(1, exit);
        Assert.Contains($"{bad} : error LOOM1001: Loom could not rewrite Broken.dll: it is not a .NET assembly the rewriter can read", output);
        Assert.Contains("Counter.dll: 2 call sites rewritten", output);
    }

    [Fact]
    public void A_request_line_it_does_not_understand_is_an_error()
    {
        var e = Assert.Throws<RewriteException>(() => RewriteRequest.Parse([$"standins\t{StandIns}", "cache\t/tmp", "rewrite\tsomething"]));

        Assert.Equal("LOOM1008", e.Code);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void The_strong_name_identity_is_kept()
    {
        var key = Convert.FromHexString(PublicKeyHex);
        var snippet = Snippet.Compile(Counter, "Signed", publicKey: key);

        var (path, _) = Rewrite.File(snippet.AssemblyPath);

        Assert.Equal(
            System.Reflection.AssemblyName.GetAssemblyName(snippet.AssemblyPath).GetPublicKeyToken(),
            System.Reflection.AssemblyName.GetAssemblyName(path).GetPublicKeyToken());
        Assert.NotEmpty(System.Reflection.AssemblyName.GetAssemblyName(path).GetPublicKeyToken()!);
        using var loaded = new LoadedAssembly(path);
        Assert.Equal(1, loaded.Call("Counter", "Hit"));
    }

    [Fact]
    public void An_embedded_pdb_stays_embedded_and_matches_the_new_IL()
    {
        var snippet = Snippet.Compile(Counter, "Embedded", embedPdb: true);

        var (path, _) = Rewrite.File(snippet.AssemblyPath);

        Assert.False(File.Exists(Path.ChangeExtension(path, ".pdb")));
        using var pe = new PEReader(File.OpenRead(path));
        var embedded = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = provider.GetMetadataReader();
        Assert.Contains(pdb.MethodDebugInformation.Select(pdb.GetMethodDebugInformation)
            .SelectMany(m => m.GetSequencePoints()), p => !p.IsHidden && p.StartLine == 5);
    }

    [Fact]
    public void A_ReadyToRun_assembly_loses_its_native_code_and_keeps_its_IL()
    {
        // The shared framework's assemblies are ReadyToRun images; this one calls Interlocked.
        var framework = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Threading.Channels.dll");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("loom-r2r-").FullName, "System.Threading.Channels.dll");
        File.Copy(framework, copy);
        Assert.True(IsReadyToRun(copy));

        var (path, report) = Rewrite.File(copy);

        Assert.True(report.TotalSites > 0);
        Assert.False(IsReadyToRun(path));
        using (var pe = new PEReader(File.OpenRead(path)))
            Assert.True((pe.PEHeaders.CorHeader!.Flags & CorFlags.ILOnly) != 0);
        // And the IL alone runs: a channel write and read through the rewritten (lock-taking) code.
        using var loaded = new LoadedAssembly(path);
        StandInLog.Clear();
        var channelType = loaded.Assembly.GetType("System.Threading.Channels.Channel", throwOnError: true)!;
        var channel = channelType.GetMethods().Single(m => m.Name == "CreateUnbounded" && m.GetParameters().Length == 0).MakeGenericMethod(typeof(int)).Invoke(null, null)!;
        var writer = channel.GetType().GetProperty("Writer")!.GetValue(channel)!;
        var reader = channel.GetType().GetProperty("Reader")!.GetValue(channel)!;
        Assert.Equal(true, writer.GetType().GetMethod("TryWrite")!.Invoke(writer, [42]));
        var read = new object?[] { 0 };
        Assert.Equal(true, reader.GetType().GetMethod("TryRead")!.Invoke(reader, read));
        Assert.Equal(42, read[0]);
        Assert.Contains(StandInLog.Calls, c => c.StartsWith("Monitor.Enter", StringComparison.Ordinal));
    }

    private static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0 || (pe.PEHeaders.CorHeader.Flags & CorFlags.ILLibrary) != 0;
    }

    // A public key (no private key: the snippet is public-signed, as open-source assemblies often are).
    private const string PublicKeyHex =
        "0024000004800000940000000602000000240000525341310004000001000100" +
        "b5fc90e7027f67871e773a8fde8938c81dd402ba65b9201d60593e96c492651e" +
        "889cc13f1415ebb53fac1131ae0bd333c5ee6021672d9718ea31a8aebd0da007" +
        "2f25d87dba6fc90ffd598ed4da35e44c398c454307e8e33b8426143daec9f596" +
        "836f97c8f74750e5975c64e2189f45def46b2a2b1247adc3652bf5c308055da9";
}
