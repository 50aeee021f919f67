using Loom.Rewriting.Driver;
using Loom.Rewriting.Tests.Support;
using Xunit;

namespace Loom.Rewriting.Tests.Driver;

/// <summary>
/// The package assemblies the build does not rewrite that call what Loom must see: one build message each, a
/// LOOM2001 warning when rewritten code calls them, and markers in the rewritten code's calls into them.
/// </summary>
public class UnseenAssembliesTests
{
    private const string Pool = """
        using System.Threading;
        public static class Pool
        {
            private static int s_taken;
            public static int Take() => Interlocked.Increment(ref s_taken);
        }
        """;

    private const string Facade = """
        public static class Facade
        {
            public static int Take() => Pool.Take();
        }
        """;

    private const string Plain = """
        public static class Plain
        {
            public static int One() => 1;
            public static void Fence() => System.Threading.Volatile.ReadBarrier();
        }
        """;

    private const string Test = """
        public static class TheTest
        {
            public static int Run() => Pool.Take() + Plain.One();
        }
        """;

    private static string StandIns => typeof(UnseenAssembliesTests).Assembly.Location;

    /// <summary>A test project's output: the test assembly, and package assemblies beside it that it may reference.</summary>
    private sealed class Output
    {
        public Output(string testSource, params (string Name, string Source)[] packages)
        {
            var compiled = new List<Snippet>();
            foreach (var (name, source) in packages)
                compiled.Add(Snippet.Compile(source, name, references: [.. compiled.Select(c => c.AssemblyPath)]));
            Packages = compiled;
            TestAssembly = Snippet.Compile(testSource, "TheTest", references: [.. compiled.Select(c => c.AssemblyPath)]);
            Bin = Path.Combine(TestAssembly.Folder, "bin");
            Cache = Path.Combine(TestAssembly.Folder, "obj", "loom-rewrite");
            Directory.CreateDirectory(Bin);
            foreach (var package in compiled)
                File.Copy(package.AssemblyPath, Path.Combine(Bin, package.Name + ".dll"));
        }

        public Snippet TestAssembly { get; }

        public List<Snippet> Packages { get; }

        public string Bin { get; }

        public string Cache { get; }

        public string[] Request(params string[] more) =>
        [
            $"standins\t{StandIns}",
            $"cache\t{Cache}",
            $"rewrite\ttest\t{TestAssembly.AssemblyPath}\t{Path.Combine(Bin, "TheTest.dll")}",
            .. Packages.Select(p => $"package\t{p.AssemblyPath}\t{Path.Combine(Bin, p.Name + ".dll")}"),
            .. more,
        ];

        public string Run(params string[] more)
        {
            var output = new StringWriter();
            Assert.Equal(0, RewriteRun.Execute(RewriteRequest.Parse(Request(more)), new BuildLog(output)));
            return output.ToString();
        }

        /// <summary>Runs the rewritten test assembly's <c>TheTest.Run</c>; returns what the recorder and stand-ins saw.</summary>
        public List<string> Calls()
        {
            using var loaded = new LoadedAssembly(Path.Combine(Bin, "TheTest.dll"), Bin);
            StandInLog.Clear();
            loaded.Call("TheTest", "Run");
            return StandInLog.Calls.ToList();
        }
    }

    [Fact]
    public void A_package_rewritten_code_calls_is_a_warning_naming_it_what_it_calls_and_the_item_to_add()
    {
        var output = new Output(Test, ("Pool", Pool), ("Plain", Plain));

        var log = output.Run();

        var pool = output.Packages[0].AssemblyPath;
        Assert.Contains($"{pool} : warning LOOM2001: Pool.dll is not rewritten, and it calls Interlocked.Increment: Loom does not see what it does", log);
        Assert.Contains("add <LoomRewriteAssembly Include=\"Pool\" /> to the test project (or <LoomRewritePackages>all</LoomRewritePackages>)", log);
        Assert.Contains("<NoWarn>$(NoWarn);LOOM2001</NoWarn>", log);
        Assert.Single(log.Split('\n'), l => l.Contains("LOOM2001", StringComparison.Ordinal));
        // A package that calls nothing Loom models, or only what passes through, is no concern.
        Assert.DoesNotContain("Plain.dll", log);
    }

    [Fact]
    public void The_rewritten_code_marks_its_calls_into_the_package_and_the_package_stays_as_it_was()
    {
        var output = new Output(Test, ("Pool", Pool), ("Plain", Plain));

        var log = output.Run();

        Assert.Contains("TheTest.dll: 0 call sites rewritten; calls into code Loom does not see, marked for the run to report: Pool x1", log);
        Assert.Equal(["unseen Pool TheTest.cs:3"], output.Calls());
        Assert.Equal(File.ReadAllBytes(output.Packages[0].AssemblyPath), File.ReadAllBytes(Path.Combine(output.Bin, "Pool.dll")));
    }

    [Fact]
    public void A_package_only_other_unrewritten_code_calls_is_a_message_not_a_warning()
    {
        var output = new Output("public static class TheTest { public static int Run() => 1; }", ("Pool", Pool));

        var log = output.Run();

        Assert.DoesNotContain("warning", log);
        Assert.Contains("Loom.Rewriting: Pool.dll: not rewritten, and it calls Interlocked.Increment; no rewritten code calls it directly (<LoomRewriteAssembly Include=\"Pool\" /> rewrites it)", log);
    }

    [Fact]
    public void A_package_that_calls_an_unseen_one_is_unseen_too_and_its_calls_are_marked()
    {
        var output = new Output("public static class TheTest { public static int Run() => Facade.Take(); }", ("Pool", Pool), ("Facade", Facade));

        var log = output.Run();

        Assert.Contains("warning LOOM2001: Facade.dll is not rewritten, and it calls Pool, which Loom does not see either", log);
        Assert.Contains("Loom.Rewriting: Pool.dll: not rewritten", log);
        Assert.Equal(["unseen Facade TheTest.cs:1"], output.Calls());
    }

    [Fact]
    public void Named_packages_and_those_Loom_never_rewrites_are_not_listed()
    {
        var output = new Output("public static class TheTest { public static int Run() => 1; }", ("Pool", Pool), ("xunit.v3.core", Pool.Replace("class Pool", "class Core")));

        var log = output.Run("named\tPool");

        Assert.Contains("Loom.Rewriting: Pool.dll: 2 call sites rewritten (synchronization 1, shared fields 1)", log);
        Assert.DoesNotContain("not rewritten", log);
        Assert.DoesNotContain("xunit", log);
    }

    [Fact]
    public void Naming_the_package_later_rewrites_the_test_assembly_again_without_its_markers()
    {
        var output = new Output(Test, ("Pool", Pool), ("Plain", Plain));
        output.Run();

        var log = output.Run("named\tPool");

        Assert.Contains("Pool.dll: 2 call sites rewritten (synchronization 1, shared fields 1)", log);
        Assert.DoesNotMatch(@"TheTest\.dll: .*unchanged", log);
        Assert.DoesNotContain("LOOM2001", log);
        Assert.Equal(["Interlocked.Increment Pool.cs:5 s_taken"], output.Calls());
    }

    [Fact]
    public void An_unchanged_build_takes_the_scan_from_obj_and_a_changed_package_is_scanned_again()
    {
        var output = new Output(Test, ("Pool", Pool), ("Plain", Plain));
        output.Run();
        var scan = Assert.Single(Directory.GetFiles(Path.Combine(output.Cache, "scan"), "Pool.*"));
        // A scan read from obj/ says what the file says: the assembly itself is not read again.
        File.WriteAllText(scan, "call\tCached.Member\n");

        var cached = output.Run();

        Assert.Contains("it calls Cached.Member", cached);
        Assert.Matches(@"TheTest\.dll: .* \(unchanged: taken from obj/\)", cached);
        var changed = Snippet.Compile(Pool.Replace("Take()", "Take2() => 0; public static int Take()"), "Pool");
        File.Copy(changed.AssemblyPath, output.Packages[0].AssemblyPath, overwrite: true);

        var rescanned = output.Run();

        Assert.Contains("it calls Interlocked.Increment", rescanned);
        Assert.Single(Directory.GetFiles(Path.Combine(output.Cache, "scan"), "Pool.*"));
    }
}
