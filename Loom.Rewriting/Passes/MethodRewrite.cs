using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes;

/// <summary>
/// One method body while the passes rewrite it: its instructions, the source line of each original instruction
/// (read before any pass inserts one), and where the passes report what they did.
/// </summary>
internal sealed class MethodRewrite
{
    private readonly Dictionary<Instruction, SequencePoint> _lines = new();
    private HashSet<Instruction>? _jumpTargets;

    public MethodRewrite(MethodDefinition method, RewriteReport report)
    {
        Method = method;
        Report = report;
        if (!method.DebugInformation.HasSequencePoints)
            return;
        var points = method.DebugInformation.GetSequencePointMapping();
        SequencePoint? current = null;
        foreach (var instruction in method.Body.Instructions)
        {
            if (points.TryGetValue(instruction, out var point) && !point.IsHidden)
                current = point;
            if (current is not null)
                _lines[instruction] = current;
        }
    }

    public MethodDefinition Method { get; }

    public ModuleDefinition Module => Method.Module;

    public MethodBody Body => Method.Body;

    public RewriteReport Report { get; }

    /// <summary>Whether any pass changed the body.</summary>
    public bool Changed { get; set; }

    /// <summary>
    /// The source line an original instruction belongs to: the last visible sequence point at or before it, so a
    /// call in the middle of a statement reports the statement's line. <see langword="null"/> without symbols.
    /// </summary>
    public SequencePoint? SourceOf(Instruction instruction) => _lines.GetValueOrDefault(instruction);

    /// <summary>
    /// Says that <paramref name="original"/>'s instruction now lives on as <paramref name="copy"/> (a marker took its
    /// place), so a later pass still finds the copy's source line.
    /// </summary>
    public void Moved(Instruction original, Instruction copy)
    {
        if (_lines.TryGetValue(original, out var point))
            _lines[copy] = point;
    }

    /// <summary>Whether some branch or exception handler enters the body at <paramref name="instruction"/>.</summary>
    public bool IsJumpTarget(Instruction instruction)
    {
        if (_jumpTargets is null)
        {
            _jumpTargets = new HashSet<Instruction>();
            foreach (var i in Body.Instructions)
            {
                if (i.Operand is Instruction target)
                    _jumpTargets.Add(target);
                else if (i.Operand is Instruction[] targets)
                    _jumpTargets.UnionWith(targets);
            }
            foreach (var handler in Body.ExceptionHandlers)
            {
                _jumpTargets.Add(handler.HandlerStart);
                if (handler.FilterStart is not null)
                    _jumpTargets.Add(handler.FilterStart);
                if (handler.TryStart is not null)
                    _jumpTargets.Add(handler.TryStart);
            }
        }
        return _jumpTargets.Contains(instruction);
    }
}
