using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Mono.Cecil;
using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>The passes split Loom.Core's real stand-ins between them: each stand-in belongs to exactly one concern.</summary>
public class PassOwnershipTests
{
    [Fact]
    public void Every_stand_in_of_Loom_Core_is_rewritten_by_exactly_one_pass()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true });
        var table = InterceptionTable.Read(module);
        var passes = new AssemblyRewriter(table).Passes.OfType<Loom.Rewriting.Passes.CallRedirectPass>().ToList();

        var wrong = table.StandIns
            .Select(s => (StandIn: s, Owners: passes.Where(p => p.Owns(s.Target.FullName, s.Method.Name == "New" ? ".ctor" : s.Method.Name)).Select(p => p.Concern).ToList()))
            .Where(x => x.Owners.Count != 1)
            .Select(x => $"{x.StandIn}: {(x.Owners.Count == 0 ? "no pass" : string.Join(", ", x.Owners))}")
            .ToList();

        Assert.True(table.StandIns.Count > 100, $"only {table.StandIns.Count} stand-ins read");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Loom_Cores_recorder_of_unseen_code_is_found_in_the_shape_the_rewriter_calls()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Loom.Interception.InterceptsAttribute).Assembly.Location, new ReaderParameters { InMemory = true });

        var recorder = InterceptionTable.Read(module).Recorder;

        Assert.NotNull(recorder);
        Assert.Equal("Loom.Interception.UnseenCode", recorder.Called.DeclaringType.FullName);
        Assert.Equal(["System.String", "System.String", "System.Int32"], recorder.NotControlled.Parameters.Select(p => p.ParameterType.FullName));
    }
}
