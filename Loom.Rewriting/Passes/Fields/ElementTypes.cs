using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes.Fields;

/// <summary>
/// The element type an array instruction reads or writes: its operand (<c>ldelem T</c>, <c>stelem T</c>,
/// <c>ldelema T</c>), or the type its opcode names (<c>ldelem.i4</c> an <c>int</c>, <c>ldelem.ref</c> an
/// <c>object</c>). C# reads a <c>bool[]</c> with <c>ldelem.u1</c> and writes it with <c>stelem.i1</c>, so a stand-in
/// may get an array of another element type of the same size: it reads and writes the same bits.
/// </summary>
internal static class ElementTypes
{
    /// <summary>Whether <paramref name="code"/> reads or writes an element of a one-dimensional array.</summary>
    public static bool IsElementAccess(Code code) => IsRead(code) || IsWrite(code) || code == Code.Ldelema;

    public static bool IsRead(Code code) => code is Code.Ldelem_Any or Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2
        or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8 or Code.Ldelem_I or Code.Ldelem_R4
        or Code.Ldelem_R8 or Code.Ldelem_Ref;

    public static bool IsWrite(Code code) => code is Code.Stelem_Any or Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4
        or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4 or Code.Stelem_R8 or Code.Stelem_Ref;

    /// <summary>The element type of <paramref name="instruction"/>, an element access of <paramref name="module"/>'s code.</summary>
    public static TypeReference Of(Instruction instruction, ModuleDefinition module)
    {
        var types = module.TypeSystem;
        return instruction.OpCode.Code switch
        {
            Code.Ldelem_I1 or Code.Stelem_I1 => types.SByte,
            Code.Ldelem_U1 => types.Byte,
            Code.Ldelem_I2 or Code.Stelem_I2 => types.Int16,
            Code.Ldelem_U2 => types.UInt16,
            Code.Ldelem_I4 or Code.Stelem_I4 => types.Int32,
            Code.Ldelem_U4 => types.UInt32,
            Code.Ldelem_I8 or Code.Stelem_I8 => types.Int64,
            Code.Ldelem_I or Code.Stelem_I => types.IntPtr,
            Code.Ldelem_R4 or Code.Stelem_R4 => types.Single,
            Code.Ldelem_R8 or Code.Stelem_R8 => types.Double,
            Code.Ldelem_Ref or Code.Stelem_Ref => types.Object,
            _ => (TypeReference)instruction.Operand,
        };
    }
}
