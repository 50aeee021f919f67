using System.Collections.Generic;
using System.Linq;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes.Fields;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Shared fields: the plain and volatile accesses of fields (<c>ldfld</c>, <c>stfld</c>, <c>ldflda</c> and their
/// static forms) and of array elements (<c>ldelem</c>, <c>stelem</c>, <c>ldelema</c>) become calls of
/// <c>FieldCalls</c> and <c>ArrayCalls</c>, which get the object (or array) and a reference to the location, so Loom
/// names each location by object and field, or array and index. A <c>volatile.</c> prefix or a <c>volatile</c> field
/// calls the volatile stand-in. The replaced instruction becomes the first of its replacement, so branches,
/// exception handlers and its sequence point still land on it, and the stack before and after is the same. It runs
/// after the call passes, which read the fields a call's <c>ref</c> arguments name from the original loads.
/// Which fields are left as written, and why: <see cref="SharedFieldRules"/>.
/// </summary>
internal sealed class FieldsPass : Pass
{
    private readonly MemoryStandIns _standIns;
    private readonly SharedFieldRules _rules = new();

    /// <exception cref="RewriteException">The table's Loom.Core has no field or array stand-ins.</exception>
    public FieldsPass(InterceptionTable table) => _standIns = new MemoryStandIns(table.Module);

    public override string Concern => "shared fields";

    /// <summary>Whether <paramref name="body"/> accesses a field or an array element.</summary>
    public static bool Touches(MethodBody body) =>
        body.Instructions.Any(i => IsFieldAccess(i.OpCode.Code) || ElementTypes.IsElementAccess(i.OpCode.Code));

    public override void Rewrite(MethodRewrite method)
    {
        var instructions = method.Body.Instructions;
        var stash = new StashLocals(method.Body);
        for (var i = 0; i < instructions.Count; i++)
        {
            var site = instructions[i];
            var code = site.OpCode.Code;
            var replacement = IsFieldAccess(code) ? Field(method, site, stash)
                : ElementTypes.IsElementAccess(code) ? Element(method, site, stash)
                : null;
            if (replacement is null)
                continue;
            Replace(method, site, replacement);
            i += replacement.Count - 1;
            method.Report.Redirected(Concern);
            method.Changed = true;
        }
    }

    private static bool IsFieldAccess(Code code) =>
        code is Code.Ldfld or Code.Stfld or Code.Ldflda or Code.Ldsfld or Code.Stsfld or Code.Ldsflda;

    /// <summary>The instructions a field access becomes, or <see langword="null"/> to leave it as written.</summary>
    private List<Instruction>? Field(MethodRewrite method, Instruction site, StashLocals stash)
    {
        var field = (FieldReference)site.Operand;
        var code = site.OpCode.Code;
        var isStatic = code is Code.Ldsfld or Code.Stsfld or Code.Ldsflda;
        switch (_rules.Judge(field, isStatic))
        {
            case FieldVerdict.Skipped:
                return null;
            case FieldVerdict.Unresolved:
                method.Report.Left($"{SharedFieldRules.FullName(field)} (its declaration could not be read)");
                return null;
        }
        var prefixes = Prefixes(site);
        if (prefixes.FirstOrDefault(p => p.OpCode.Code != Code.Volatile) is { } odd)
        {
            method.Report.Left($"{SharedFieldRules.FullName(field)} ({odd.OpCode.Name} prefix)");
            return null;
        }
        // Any prefix left is volatile.; C# writes it before every access of a volatile field, other IL may not.
        var isVolatile = prefixes.Count > 0 || FieldTypes.IsVolatileField(field);
        Erase(prefixes);

        var module = method.Module;
        var type = FieldTypes.Of(field);
        var name = Instruction.Create(OpCodes.Ldstr, SharedFieldRules.TraceName(field));
        var token = Instruction.Create(OpCodes.Ldtoken, field);
        var volatileSuffix = isVolatile ? "Volatile" : "";
        var at = SourceOf(method, site);
        return code switch
        {
            // obj -> obj obj -> obj &field: the object is the owner.
            Code.Ldfld => [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, field), token, name, .. at,
                Call(_standIns.Field(module, "Read" + volatileSuffix, type))],
            Code.Stfld => [Instruction.Create(OpCodes.Stloc, stash.For(type)), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, field),
                Instruction.Create(OpCodes.Ldloc, stash.For(type)), token, name, .. at, Call(_standIns.Field(module, "Write" + volatileSuffix, type))],
            Code.Ldflda => [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, field), token, name,
                Call(_standIns.Field(module, "Address", type))],
            Code.Ldsfld => [Instruction.Create(OpCodes.Ldsflda, field), token, name, .. at,
                Call(_standIns.Field(module, "ReadStatic" + volatileSuffix, type))],
            Code.Stsfld => [Instruction.Create(OpCodes.Stloc, stash.For(type)), Instruction.Create(OpCodes.Ldsflda, field),
                Instruction.Create(OpCodes.Ldloc, stash.For(type)), token, name, .. at, Call(_standIns.Field(module, "WriteStatic" + volatileSuffix, type))],
            _ => [Instruction.Create(OpCodes.Ldsflda, field), token, name, Call(_standIns.Field(module, "AddressStatic", type))],
        };
    }

    /// <summary>The instructions an array element access becomes, or <see langword="null"/> to leave it as written.</summary>
    private List<Instruction>? Element(MethodRewrite method, Instruction site, StashLocals stash)
    {
        var code = site.OpCode.Code;
        var prefixes = Prefixes(site);
        var readOnly = code == Code.Ldelema && prefixes.Count == 1 && prefixes[0].OpCode.Code == Code.Readonly;
        if (prefixes.Count > 0 && !readOnly)
        {
            method.Report.Left($"an array element ({prefixes[0].OpCode.Name} prefix)");
            return null;
        }
        var module = method.Module;
        var type = ElementTypes.Of(site, module);
        if (!FieldTypes.CanBeTypeArgument(type))
            return null;
        Erase(prefixes);

        // The index may be an int or a native int; the stand-ins take a native int, as ldelem does.
        var index = Instruction.Create(OpCodes.Conv_I);
        if (code == Code.Ldelema)
            return [index, Call(_standIns.Array(module, readOnly ? "ReadOnlyAddress" : "Address", type))];
        if (ElementTypes.IsRead(code))
            return [index, .. SourceOf(method, site), Call(_standIns.Array(module, "Read", type))];
        // array index value -> array index -> array (native) index -> array index value
        var value = stash.For(type);
        return [Instruction.Create(OpCodes.Stloc, value), index, Instruction.Create(OpCodes.Ldloc, value), .. SourceOf(method, site),
            Call(_standIns.Array(module, "Write", type))];
    }

    /// <summary>The prefixes (<c>volatile.</c>, <c>unaligned.</c>, <c>readonly.</c>, ...) of <paramref name="site"/>.</summary>
    private static List<Instruction> Prefixes(Instruction site)
    {
        var prefixes = new List<Instruction>();
        for (var at = site.Previous; at is not null && at.OpCode.OpCodeType == OpCodeType.Prefix; at = at.Previous)
            prefixes.Add(at);
        return prefixes;
    }

    /// <summary>
    /// Turns the prefixes the stand-in now stands for into <c>nop</c>: they must be right before the instruction
    /// they modify, which is no longer there, and a branch to the access lands on the first of them.
    /// </summary>
    private static void Erase(List<Instruction> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            prefix.OpCode = OpCodes.Nop;
            prefix.Operand = null;
        }
    }

    /// <summary>The access's source file and line, as the stand-ins' last two arguments.</summary>
    private static Instruction[] SourceOf(MethodRewrite method, Instruction site)
    {
        var point = method.SourceOf(site);
        return
        [
            point is null ? Instruction.Create(OpCodes.Ldnull) : Instruction.Create(OpCodes.Ldstr, point.Document.Url),
            Instruction.Create(OpCodes.Ldc_I4, point?.StartLine ?? 0),
        ];
    }

    private static Instruction Call(MethodReference standIn) => Instruction.Create(OpCodes.Call, standIn);

    /// <summary>Puts <paramref name="replacement"/> in place of <paramref name="site"/>, whose object stays first.</summary>
    private static void Replace(MethodRewrite method, Instruction site, List<Instruction> replacement)
    {
        site.OpCode = replacement[0].OpCode;
        site.Operand = replacement[0].Operand;
        var processor = method.Body.GetILProcessor();
        var after = site;
        foreach (var next in replacement.Skip(1))
        {
            processor.InsertAfter(after, next);
            after = next;
        }
    }
}
