using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Puts a call of Loom's recorder of unseen code (Loom.Interception.UnseenCode) right before a call site:
/// <c>ldstr text; ldstr file; ldc.i4 line; call Recorder</c>, which leaves the stack as it was, so the site's
/// arguments, already pushed, are still there for it. The site's first instruction (its prefix, if it has one:
/// <c>constrained.</c> and <c>tail.</c> must stay right before their call) keeps its place and becomes the first
/// load, so branches into the site and its sequence point now land on the marker, which runs every time the call does.
/// </summary>
internal sealed class UnseenMarker
{
    private readonly MethodDefinition _recorder;
    private readonly Dictionary<ModuleDefinition, MethodReference> _imported = new();

    public UnseenMarker(MethodDefinition recorder) => _recorder = recorder;

    /// <summary>Inserts the marker before <paramref name="site"/>; returns how many instructions now come before the call that did not.</summary>
    public int Insert(MethodRewrite method, Instruction site, string text)
    {
        var first = site;
        while (first.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix)
            first = prefix;
        var point = method.SourceOf(first);
        var moved = Instruction.Create(OpCodes.Nop);
        moved.OpCode = first.OpCode;
        moved.Operand = first.Operand;
        var marker = new[]
        {
            point is null ? Instruction.Create(OpCodes.Ldnull) : Instruction.Create(OpCodes.Ldstr, point.Document.Url),
            Instruction.Create(OpCodes.Ldc_I4, point?.StartLine ?? 0),
            Instruction.Create(OpCodes.Call, Reference(method.Module)),
            moved,
        };
        first.OpCode = OpCodes.Ldstr;
        first.Operand = text;
        var processor = method.Body.GetILProcessor();
        var after = first;
        foreach (var instruction in marker)
        {
            processor.InsertAfter(after, instruction);
            after = instruction;
        }
        method.Moved(first, moved);
        return marker.Length;
    }

    private MethodReference Reference(ModuleDefinition module)
    {
        if (!_imported.TryGetValue(module, out var imported))
            _imported[module] = imported = module.ImportReference(_recorder);
        return imported;
    }
}
