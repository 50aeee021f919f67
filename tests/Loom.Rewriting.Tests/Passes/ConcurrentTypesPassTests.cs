using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>Lazy values, concurrent collections and channels reach Loom.Core's real stand-ins, type and method arguments included.</summary>
public class ConcurrentTypesPassTests
{
    private const string Program = """
        using System;
        using System.Collections.Concurrent;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        public sealed class Service
        {
            private readonly ConcurrentDictionary<string, int> _counts = new();
            private readonly Lazy<string> _name = new(() => "service");
            private object? _cache;

            public int Count(string key) => _counts.GetOrAdd(key, k => k.Length) + _counts.GetOrAdd(key, (k, extra) => extra, 1)
                + _counts.AddOrUpdate(key, 1, (_, old) => old + 1);

            public string Name() => _name.Value;

            public object Cache() => LazyInitializer.EnsureInitialized(ref _cache, () => new object());

            public async Task<int> Pipe()
            {
                var channel = Channel.CreateBounded<int>(1);
                channel.Writer.TryWrite(1);
                var queue = new ConcurrentQueue<int>();
                queue.Enqueue(await channel.Reader.ReadAsync());
                using var work = new BlockingCollection<int>();
                work.Add(queue.TryDequeue(out var item) ? item : 0);
                return work.Take();
            }
        }
        """;

    [Fact]
    public void Every_call_of_a_modelled_member_goes_to_Loom_Cores_stand_in_and_is_counted_under_its_concern()
    {
        using var core = ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true });
        var table = InterceptionTable.Read(core);
        var snippet = Snippet.Compile(Program);
        var destination = Path.Combine(snippet.Folder, "rewritten", Path.GetFileName(snippet.AssemblyPath));
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);

        var report = new AssemblyRewriter(table).Rewrite(snippet.AssemblyPath, destination, resolver);

        using var rewritten = ModuleDefinition.ReadModule(destination);
        var calls = rewritten.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj)
            .Select(i => (MethodReference)i.Operand)
            .ToList();
        string[] expected =
        [
            "ConcurrentDictionaryOfTKeyTValueCalls.GetOrAdd", "ConcurrentDictionaryOfTKeyTValueCalls.AddOrUpdate", "LazyOfTCalls.get_Value",
            "LazyInitializerCalls.EnsureInitialized", "ChannelCalls.CreateBounded", "ChannelWriterOfTCalls.TryWrite", "ChannelReaderOfTCalls.ReadAsync",
            "ConcurrentQueueOfTCalls.Enqueue", "ConcurrentQueueOfTCalls.TryDequeue", "BlockingCollectionOfTCalls.Add", "BlockingCollectionOfTCalls.Take",
        ];
        var redirected = calls.Where(c => c.DeclaringType.Namespace == "Loom.Interception").Select(c => $"{c.DeclaringType.Name}.{c.Name}").ToHashSet();
        Assert.True(expected.All(redirected.Contains), $"redirected: {string.Join(", ", redirected)}");
        var left = calls.Where(c => c.DeclaringType.Namespace is "System.Collections.Concurrent" or "System.Threading.Channels" || c.DeclaringType.Name is "Lazy`1" or "LazyInitializer")
            .Where(c => c.Name is not (".ctor" or "get_Reader" or "get_Writer"))
            .Select(c => c.FullName)
            .ToList();
        Assert.True(left.Count == 0, $"left as written: {string.Join("; ", left)}");
        Assert.Equal(12, report.Sites["concurrent types"]);
        var getOrAddOfTArg = calls.OfType<GenericInstanceMethod>().Single(c => c.Name == "GetOrAdd" && c.GenericArguments.Count == 3);
        Assert.Equal(["System.String", "System.Int32", "System.Int32"], getOrAddOfTArg.GenericArguments.Select(a => a.FullName));
    }
}
