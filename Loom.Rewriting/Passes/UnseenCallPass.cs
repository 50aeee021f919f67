using System;
using System.Collections.Generic;
using Loom.Rewriting.Interception;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Calls into code Loom does not see: before each call of a member declared in an assembly the build did not
/// rewrite although it uses System.Threading, tasks, timers or the clock (RewriteRun finds them), a call of
/// <c>UnseenCode.Called(assembly, file, line)</c>, so that a run whose threads reach that assembly says so. Runs after
/// the redirecting passes, whose stand-ins are Loom's own.
/// </summary>
internal sealed class UnseenCallPass : Pass
{
    private readonly HashSet<string> _unseen;
    private readonly UnseenMarker? _marker;

    /// <param name="table">The stand-ins, whose recorder the markers call; without one, nothing is marked.</param>
    /// <param name="unseen">The names of the assemblies Loom does not see.</param>
    public UnseenCallPass(InterceptionTable table, IEnumerable<string> unseen)
    {
        _unseen = new HashSet<string>(unseen, StringComparer.OrdinalIgnoreCase);
        _marker = table.Recorder is { } recorder ? new UnseenMarker(recorder.Called) : null;
    }

    public override string Concern => "calls into code Loom does not see";

    /// <summary>The assembly Loom does not see that declares <paramref name="called"/>, or <see langword="null"/>.</summary>
    public string? UnseenAssemblyOf(MethodReference called)
    {
        if (_unseen.Count == 0)
            return null;
        var declaring = called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType;
        // An array's methods (Get, Set, Address) belong to the runtime, whatever assembly the element type is from.
        if (declaring is TypeSpecification)
            return null;
        return declaring.Scope is AssemblyNameReference assembly && _unseen.Contains(assembly.Name) ? assembly.Name : null;
    }

    public override void Rewrite(MethodRewrite method)
    {
        if (_marker is null)
            return;
        var instructions = method.Body.Instructions;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj) || UnseenAssemblyOf((MethodReference)instruction.Operand) is not { } assembly)
                continue;
            i += _marker.Insert(method, instruction, assembly);
            method.Report.Marked(assembly);
            method.Changed = true;
        }
    }
}
