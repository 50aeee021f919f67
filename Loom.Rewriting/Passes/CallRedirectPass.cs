using System.Collections.Generic;
using Loom.Rewriting.Interception;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Redirects the call sites of its concern's BCL members to their stand-ins in Loom.Core: <c>call</c>,
/// <c>callvirt</c> and <c>newobj</c> become a <c>call</c> of the static stand-in, after loads of the caller-info
/// arguments (source file and line of the original call, the name of a <c>ref</c> argument's field). The stack
/// before and after is the same, so nothing around the site changes. The redirected instruction keeps its place
/// (it becomes the first load), so branches into it and its sequence point still land on the site. A call it leaves
/// as written (no stand-in yet, or one it cannot redirect) gets a marker before it instead (UnseenMarker), so a run
/// that makes the call says it ran outside Loom's control.
/// </summary>
internal abstract class CallRedirectPass : Pass
{
    private readonly InterceptionTable _table;
    private readonly Dictionary<(ModuleDefinition, MethodDefinition), MethodReference> _imported = new();
    private readonly UnseenMarker? _notControlled;

    protected CallRedirectPass(InterceptionTable table)
    {
        _table = table;
        _notControlled = table.Recorder is { } recorder ? new UnseenMarker(recorder.NotControlled) : null;
    }

    /// <summary>Whether this pass owns the members of <paramref name="typeFullName"/> named <paramref name="member"/>.</summary>
    public abstract bool Owns(string typeFullName, string member);

    public override void Rewrite(MethodRewrite method)
    {
        var instructions = method.Body.Instructions;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            var code = instruction.OpCode.Code;
            if (code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn or Code.Ldvirtftn))
                continue;
            var called = (MethodReference)instruction.Operand;
            // A constructor's stand-in makes a new object: a constructor called on an existing one (a derived
            // class's base(...) call, a struct initialized in place) is not a site.
            if (called.Name == ".ctor" && code != Code.Newobj)
                continue;
            if (ConstrainedOnTarget(instruction, called) is { } onStruct)
            {
                // `using` on a struct (a CancellationTokenRegistration) calls IDisposable.Dispose constrained to the
                // struct: the stand-in of the struct's own member takes the same managed pointer.
                if (_table.Find(onStruct) is { } structStandIn && Owns(onStruct.DeclaringType.FullName, onStruct.Name))
                {
                    instruction.Previous.OpCode = OpCodes.Nop;
                    instruction.Previous.Operand = null;
                    i += Redirect(method, instruction, onStruct, structStandIn);
                    method.Report.Redirected(Concern);
                    method.Changed = true;
                }
                continue;
            }
            var declaring = called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType;
            if (!_table.IsTarget(declaring.FullName) || !Owns(declaring.FullName, called.Name))
                continue;
            var member = $"{declaring.FullName.Replace('/', '.')}.{called.Name}";
            if (code is Code.Ldftn or Code.Ldvirtftn)
            {
                method.Report.Left($"{member} (taken as a delegate)");
                continue;
            }
            if (instruction.Previous?.OpCode.Code == Code.Constrained)
            {
                method.Report.Left($"{member} (constrained call on a type parameter)");
                i += MarkNotControlled(method, instruction, called);
                continue;
            }
            if (_table.Find(called) is not { } standIn)
            {
                switch (_table.Classify(called))
                {
                    case Leftover.NotYet:
                        method.Report.Left($"{member} (not intercepted yet)");
                        i += MarkNotControlled(method, instruction, called);
                        break;
                    case Leftover.Unknown:
                        method.Report.Left($"{member} (no stand-in)");
                        i += MarkNotControlled(method, instruction, called);
                        break;
                }
                continue;
            }
            i += Redirect(method, instruction, called, standIn);
            method.Report.Redirected(Concern);
            method.Changed = true;
        }
    }

    /// <summary>
    /// Marks a call left as written, so that a run whose threads make it names it (UnseenCode.NotControlled); returns
    /// how many instructions now come before the call.
    /// </summary>
    private int MarkNotControlled(MethodRewrite method, Instruction site, MethodReference called)
    {
        if (_notControlled is null)
            return 0;
        method.Changed = true;
        return _notControlled.Insert(method, site, MemberText.Of(called));
    }

    /// <summary>
    /// For an interface method called with <c>constrained. T</c> where T is an intercepted, non-generic struct, the
    /// struct's own member of that name and signature (what the call runs); otherwise <see langword="null"/>.
    /// </summary>
    private MethodReference? ConstrainedOnTarget(Instruction call, MethodReference called)
    {
        if (call.Previous is not { OpCode.Code: Code.Constrained, Operand: TypeReference constraint } || constraint is GenericInstanceType or GenericParameter)
            return null;
        if (!called.HasThis || called.HasGenericParameters || !_table.IsTarget(constraint.FullName))
            return null;
        try
        {
            if (called.DeclaringType.Resolve() is not { IsInterface: true } || constraint.Resolve() is not { IsValueType: true })
                return null;
        }
        catch (AssemblyResolutionException)
        {
            // An interface Loom cannot resolve is none of the BCL's: the call is not a stand-in's.
            return null;
        }
        var own = new MethodReference(called.Name, called.ReturnType, constraint) { HasThis = true };
        foreach (var parameter in called.Parameters)
            own.Parameters.Add(new ParameterDefinition(parameter.ParameterType));
        return own;
    }

    /// <summary>Rewrites one site; returns how many instructions it inserted after it.</summary>
    private int Redirect(MethodRewrite method, Instruction site, MethodReference called, StandIn standIn)
    {
        var loads = new List<Instruction>();
        var point = method.SourceOf(site);
        for (var k = 0; k < standIn.CallerInfo.Count; k++)
        {
            loads.Add(standIn.CallerInfo[k] switch
            {
                CallerInfoKind.FilePath => point is null ? Instruction.Create(OpCodes.Ldnull) : Instruction.Create(OpCodes.Ldstr, point.Document.Url),
                CallerInfoKind.LineNumber => Instruction.Create(OpCodes.Ldc_I4, point?.StartLine ?? 0),
                CallerInfoKind.MemberName => Instruction.Create(OpCodes.Ldstr, method.Method.Name),
                _ => ArgumentNames.Of(method, site, standIn.ExpressionOf[k], standIn.CoreParameterCount) is { } name
                    ? Instruction.Create(OpCodes.Ldstr, name)
                    : Instruction.Create(OpCodes.Ldnull),
            });
        }
        if (site.Previous?.OpCode.Code == Code.Tail)
        {
            // A tail call must be the instruction right after its prefix; the stand-in is an ordinary call.
            site.Previous.OpCode = OpCodes.Nop;
        }
        var call = Instruction.Create(OpCodes.Call, Reference(method.Module, called, standIn));
        if (loads.Count == 0)
        {
            site.OpCode = call.OpCode;
            site.Operand = call.Operand;
            return 0;
        }
        site.OpCode = loads[0].OpCode;
        site.Operand = loads[0].Operand;
        var processor = method.Body.GetILProcessor();
        var after = site;
        for (var k = 1; k < loads.Count; k++)
        {
            processor.InsertAfter(after, loads[k]);
            after = loads[k];
        }
        processor.InsertAfter(after, call);
        return loads.Count;
    }

    private MethodReference Reference(ModuleDefinition module, MethodReference called, StandIn standIn)
    {
        if (!_imported.TryGetValue((module, standIn.Method), out var imported))
            _imported[(module, standIn.Method)] = imported = module.ImportReference(standIn.Method);
        if (!standIn.Method.HasGenericParameters)
            return imported;
        var instance = new GenericInstanceMethod(imported);
        if (called.DeclaringType is GenericInstanceType type)
        {
            foreach (var argument in type.GenericArguments)
                instance.GenericArguments.Add(argument);
        }
        if (called is GenericInstanceMethod method)
        {
            foreach (var argument in method.GenericArguments)
                instance.GenericArguments.Add(argument);
        }
        return instance;
    }
}
