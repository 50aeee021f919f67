using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// The name a stand-in's <c>[CallerArgumentExpression]</c> parameter gets: for an argument pushed by
/// <c>ldflda</c>, <c>ldsflda</c>, <c>ldloca</c> or a <c>ref</c> parameter, the field's, local's or parameter's name,
/// so a trace reads <c>Interlocked.Increment(_count)</c>. Found by walking back from the call over straight-line
/// code; anything less plain (a branch in between, an instruction of unknown stack effect) gives no name.
/// </summary>
internal static class ArgumentNames
{
    public static string? Of(MethodRewrite method, Instruction call, int? argument, int argumentCount)
    {
        if (argument is not { } index || index >= argumentCount)
            return null;
        // Slots above the argument on the stack at the call: the arguments pushed after it.
        var above = argumentCount - 1 - index;
        for (var at = call.Previous; at is not null; at = at.Previous)
        {
            if (method.IsJumpTarget(at.Next) || !StackEffect(at, out var pops, out var pushes))
                return null;
            if (above < pushes)
                return pushes == 1 ? NameOf(method.Method, at) : null;
            above = above - pushes + pops;
        }
        return null;
    }

    private static string? NameOf(MethodDefinition method, Instruction producer)
    {
        switch (producer.OpCode.Code)
        {
            case Code.Ldflda or Code.Ldsflda:
                return FieldName(((FieldReference)producer.Operand).Name);
            case Code.Ldloca or Code.Ldloca_S:
                var variable = (VariableDefinition)producer.Operand;
                return method.DebugInformation.TryGetName(variable, out var local) ? local : null;
            case Code.Ldarg or Code.Ldarg_S or Code.Ldarga or Code.Ldarga_S:
                return ((ParameterDefinition)producer.Operand).Name;
            default:
                return null;
        }
    }

    /// <summary>An auto-property's backing field <c>&lt;Count&gt;k__BackingField</c> is named by its property.</summary>
    public static string FieldName(string name)
    {
        if (name.StartsWith('<') && name.IndexOf('>') is var end and > 1)
            return name[1..end];
        return name;
    }

    private static bool StackEffect(Instruction instruction, out int pops, out int pushes)
    {
        var opcode = instruction.OpCode;
        pops = 0;
        pushes = 0;
        if (opcode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
            return false;
        if (opcode.StackBehaviourPop == StackBehaviour.Varpop)
        {
            if (instruction.Operand is not IMethodSignature signature)
                return false;
            pops = signature.Parameters.Count + (signature.HasThis && opcode.Code != Code.Newobj ? 1 : 0);
        }
        else if (Count(opcode.StackBehaviourPop) is { } popped)
        {
            pops = popped;
        }
        else
        {
            return false;
        }
        if (opcode.StackBehaviourPush == StackBehaviour.Varpush)
        {
            if (instruction.Operand is not IMethodSignature signature)
                return false;
            pushes = opcode.Code == Code.Newobj || signature.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
        }
        else if (Count(opcode.StackBehaviourPush) is { } pushed)
        {
            pushes = pushed;
        }
        else
        {
            return false;
        }
        return true;
    }

    private static int? Count(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Pop0 or StackBehaviour.Push0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref or StackBehaviour.Push1 or StackBehaviour.Pushi
            or StackBehaviour.Pushi8 or StackBehaviour.Pushr4 or StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi
            or StackBehaviour.Push1_push1 => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        _ => null,
    };
}
