using System.Linq;
using Loom.Coverage.Catalog;
using Xunit;

namespace Loom.Coverage.Tests.Catalog;

public class SiteScannerTests
{
    private static string Describe(SiteCatalog catalog) =>
        string.Join("\n", catalog.Sites.Select(s => $"{SiteCategoryNames.Name(s.Category)} {s.Line} {s.Member} {string.Join(",", s.Apis)}"));

    [Fact]
    public void Each_category_is_found_by_the_symbol_the_code_binds_to()
    {
        var catalog = Compile.Scan("""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            class Shop
            {
                private int _stock;
                private volatile bool _open;
                private readonly object _gate = new();
                async Task Run(HttpClient http, SemaphoreSlim slots)
                {
                    Interlocked.Decrement(ref _stock);
                    lock (_gate) { _stock++; }
                    slots.Wait();
                    var now = DateTime.UtcNow;
                    await Task.Delay(10);
                    var id = Guid.NewGuid();
                    await http.GetStringAsync("http://localhost/");
                    File.WriteAllText("a.txt", "x");
                    _open = true;
                    var watch = Stopwatch.StartNew();
                    var roll = new Random(3).Next();
                }
            }
            """);

        Assert.Equal("""
            atomic 14 Shop.Run Interlocked.Decrement
            sync 15 Shop.Run lock
            sync 16 Shop.Run SemaphoreSlim.Wait
            time 17 Shop.Run DateTime.UtcNow
            time 18 Shop.Run Task.Delay
            random 19 Shop.Run Guid.NewGuid
            network-io 20 Shop.Run HttpClient.GetStringAsync
            file-io 21 Shop.Run File.WriteAllText
            atomic 22 Shop.Run volatile Shop._open
            time 23 Shop.Run Stopwatch.StartNew
            random 24 Shop.Run Random.Next,new Random
            """, Describe(catalog));
    }

    [Fact]
    public void Loom_Threading_mirror_calls_count_like_the_System_Threading_members_they_mirror()
    {
        var catalog = Compile.Scan("""
            using Loom.Threading;
            class Counter
            {
                private int _hits;
                private readonly object _gate = new();
                void Hit()
                {
                    Interlocked.Increment(ref _hits);
                    Monitor.Enter(_gate);
                    Monitor.Exit(_gate);
                    Thread.Sleep(1);
                }
            }
            """);

        Assert.Equal("""
            atomic 8 Counter.Hit Interlocked.Increment
            sync 9 Counter.Hit Monitor.Enter
            sync 10 Counter.Hit Monitor.Exit
            time 11 Counter.Hit Thread.Sleep
            """, Describe(catalog));
    }

    [Fact]
    public void Text_that_only_looks_like_a_site_is_not_one()
    {
        var catalog = Compile.Scan("""
            using Clock = System.DateTime;
            class Interlocked { public static void Increment(ref int x) { } }
            class Fake
            {
                int _x;
                // Interlocked.Increment(ref _x) in a comment, and in a string:
                string Text = "DateTime.UtcNow";
                void Run()
                {
                    Interlocked.Increment(ref _x);
                    var t = Clock.UtcNow;
                    var n = nameof(System.DateTime.UtcNow);
                }
            }
            """);

        // The local Interlocked class is not System.Threading's; the alias still binds to the real clock.
        Assert.Equal("time 11 Fake.Run DateTime.UtcNow", Describe(catalog));
    }

    [Fact]
    public void A_call_spanning_lines_is_a_site_on_the_line_of_the_called_name()
    {
        var catalog = Compile.Scan("""
            using System.Threading;
            class Chain
            {
                int _x;
                int Run() =>
                    Interlocked
                        .CompareExchange(
                            ref _x, 1, 0);
            }
            """);

        Assert.Equal("atomic 7 Chain.Run Interlocked.CompareExchange", Describe(catalog));
    }

    [Fact]
    public void Exclusion_regions_and_the_attribute_remove_sites_and_say_why()
    {
        var catalog = Compile.Scan("""
            using System;
            using System.Diagnostics.CodeAnalysis;
            class Tools
            {
                long A() => DateTime.UtcNow.Ticks;
                [ExcludeFromCodeCoverage]
                long B() => DateTime.UtcNow.Ticks;
                long C()
                {
                    // LOOM-EXCLUDE-BEGIN: debugging aid only
                    var t = DateTime.UtcNow.Ticks;
                    // LOOM-EXCLUDE-END
                    return t;
                }
                [ExcludeFromCodeCoverage]
                class Inner { long D() => DateTime.Now.Ticks; }
            }
            """);

        Assert.Equal("time 5 Tools.A DateTime.UtcNow", Describe(catalog));
        Assert.Equal(
            ["7 [ExcludeFromCodeCoverage] on B", "11 LOOM-EXCLUDE-BEGIN (line 10): debugging aid only", "16 [ExcludeFromCodeCoverage] on Inner"],
            catalog.Excluded.Select(e => $"{e.Site.Line} {e.Reason}"));
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void Retry_markers_make_retry_sites_on_their_line_and_on_the_first_line_of_a_marked_loop()
    {
        var catalog = Compile.Scan("""
            using System.Threading;
            class Retry
            {
                int _state;
                void Acquire()
                {
                    // LOOM-RETRY-BEGIN: spin until free
                    var spins = 0;
                    while (true)
                    {
                        if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
                            return;
                        spins++;
                    }
                    // LOOM-RETRY-END
                }
                void Send()
                {
                    Post(); // LOOM-RETRY: the broker drops messages
                    // LOOM-RETRY: once more, on the line below
                    Post();
                }
                void Post() { }
            }
            """);

        var retries = catalog.Sites.Where(s => s.Category == SiteCategory.Retry).Select(s => $"{s.Line}-{s.LastLine} {s.Member} {s.Reason}");
        Assert.Equal(["11-14 Retry.Acquire spin until free", "19-19 Retry.Send the broker drops messages", "21-21 Retry.Send once more, on the line below"], retries);
    }

    [Fact]
    public void Malformed_markers_are_warnings_with_file_and_line_and_change_nothing()
    {
        var catalog = Compile.Scan("""
            using System;
            class Bad
            {
                long A()
                {
                    // LOOM-EXCLUDE-BEGIN
                    var a = DateTime.UtcNow.Ticks;
                    // LOOM-EXCLUDE-END
                    // LOOM-EXCLUDE-BEGIN: outer
                    // LOOM-EXCLUDE-BEGIN: nested
                    // LOOM-EXCLUDE-END
                    // LOOM-RETRY-END
                    // LOOM-RETRY
                    // LOOM-RETYR: typo
                    // LOOM-RETRY-BEGIN: no loop inside
                    a++;
                    // LOOM-RETRY-END
                    // LOOM-EXCLUDE-BEGIN: never closed
                    return a + DateTime.Now.Ticks;
                }
            }
            """);

        Assert.Equal([
            "/src/Code.cs:6: LOOM-EXCLUDE-BEGIN gives no reason; write '// LOOM-EXCLUDE-BEGIN: why'. The marker was ignored, so its sites still count.",
            "/src/Code.cs:10: LOOM-EXCLUDE-BEGIN is nested in the region opened at line 9; regions do not nest, so this marker was ignored.",
            "/src/Code.cs:12: LOOM-RETRY-END has no matching BEGIN marker above it; it was ignored.",
            "/src/Code.cs:13: LOOM-RETRY gives no reason; write '// LOOM-RETRY: why'. The marker was ignored, so it marks no retry site.",
            "/src/Code.cs:14: '// LOOM-RETYR: typo' looks like a Loom marker but is not one; the markers are LOOM-RETRY, LOOM-RETRY-BEGIN, LOOM-RETRY-END, LOOM-EXCLUDE-BEGIN and LOOM-EXCLUDE-END. It was ignored.",
            "/src/Code.cs:18: LOOM-EXCLUDE-BEGIN is never closed by // LOOM-EXCLUDE-END; the region was ignored, so its sites still count.",
            "/src/Code.cs:15: LOOM-RETRY-BEGIN (closed at line 17) encloses no loop; it marks no retry site. Put the region around the retry loop.",
        ], catalog.Problems.Select(p => p.ToString()));
        // Nothing was excluded by the malformed regions: both clock reads count.
        Assert.Equal([7, 19], catalog.Sites.Select(s => s.Line));
    }

    [Fact]
    public void Code_that_does_not_compile_still_gives_the_sites_that_bind()
    {
        var compilation = Compile.Of(("/src/Broken.cs", """
            using System;
            class Broken
            {
                long A() => DateTime.UtcNow.Ticks;
                void B() { Missing.Call(); undefined = 1 }
            }
            """));
        Assert.NotEmpty(compilation.GetDiagnostics(TestContext.Current.CancellationToken));
        var scanner = new SiteScanner();
        scanner.Add(compilation);

        Assert.Equal("time 4 Broken.A DateTime.UtcNow", Describe(scanner.Build()));
    }
}
