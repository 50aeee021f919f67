using System.Collections.Generic;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes.Recursion;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Recursion: at the entry of each method that can call itself (<see cref="RecursiveMethods"/>), a call of
/// <c>StackGuard.Enter("Type.Method")</c>, which inside a Loom execution stops a recursion that has nearly used up its
/// thread's stack, before the overflow would end the test process. Branches to the body's first instruction still land
/// on it, after the guard: a loop back to the top of a method is not an entry.
/// </summary>
internal sealed class StackGuardPass : Pass
{
    private readonly MethodDefinition? _guard;
    private readonly Dictionary<ModuleDefinition, HashSet<MethodDefinition>> _recursive = new();
    private readonly Dictionary<ModuleDefinition, MethodReference> _imported = new();

    /// <param name="table">The stand-ins, whose Loom.Core declares the guard; without one, nothing is guarded.</param>
    public StackGuardPass(InterceptionTable table) => _guard = table.StackGuard;

    public override string Concern => "recursion";

    /// <summary>Whether <paramref name="method"/> gets a guard.</summary>
    public bool Guards(MethodDefinition method)
    {
        if (_guard is null || !method.HasBody)
            return false;
        if (!_recursive.TryGetValue(method.Module, out var recursive))
            _recursive[method.Module] = recursive = RecursiveMethods.Of(method.Module);
        return recursive.Contains(method);
    }

    public override void Rewrite(MethodRewrite method)
    {
        if (!Guards(method.Method))
            return;
        var module = method.Module;
        if (!_imported.TryGetValue(module, out var guard))
            _imported[module] = guard = module.ImportReference(_guard!);
        var processor = method.Body.GetILProcessor();
        var first = method.Body.Instructions[0];
        processor.InsertBefore(first, Instruction.Create(OpCodes.Ldstr, $"{method.Method.DeclaringType.Name}.{method.Method.Name}"));
        processor.InsertBefore(first, Instruction.Create(OpCodes.Call, guard));
        method.Report.Redirected(Concern);
        method.Changed = true;
    }
}
