using System;
using System.Collections.Generic;
using Mono.Cecil;

namespace Loom.Rewriting.Interception;

/// <summary>
/// One method of an <c>[Intercepts]</c> class in Loom.Core: what a rewritten call site of a BCL member calls
/// instead (the shape is documented on Loom.Interception.InterceptsAttribute).
/// </summary>
internal sealed class StandIn
{
    public StandIn(MethodDefinition method, TypeReference target, IReadOnlyList<CallerInfoKind> callerInfo, IReadOnlyList<int?> expressionOf)
    {
        Method = method;
        Target = target;
        CallerInfo = callerInfo;
        ExpressionOf = expressionOf;
        TypeArity = ArityOf(target.FullName);
    }

    /// <summary>The stand-in itself, in Loom.Core.</summary>
    public MethodDefinition Method { get; }

    /// <summary>The BCL type whose member it stands in for (an open generic type for a generic one).</summary>
    public TypeReference Target { get; }

    /// <summary>How many of the stand-in's generic parameters stand for the target type's own.</summary>
    public int TypeArity { get; }

    /// <summary>The trailing caller-info parameters, in order, after the member's own parameters.</summary>
    public IReadOnlyList<CallerInfoKind> CallerInfo { get; }

    /// <summary>
    /// For each trailing parameter of kind <see cref="CallerInfoKind.ArgumentExpression"/>, the index (among the
    /// stand-in's parameters) of the argument it names; <see langword="null"/> for the other kinds.
    /// </summary>
    public IReadOnlyList<int?> ExpressionOf { get; }

    /// <summary>How many of the stand-in's parameters are the instance and the member's own.</summary>
    public int CoreParameterCount => Method.Parameters.Count - CallerInfo.Count;

    /// <summary>
    /// A type named in an attribute (<c>typeof(Task&lt;&gt;)</c>) reaches Cecil as a name only, without its generic
    /// parameters: the arity is the sum of the <c>`N</c> suffixes of its name and its enclosing types' names.
    /// </summary>
    private static int ArityOf(string fullName)
    {
        var arity = 0;
        foreach (var part in fullName.Split('/'))
        {
            var tick = part.LastIndexOf('`');
            if (tick >= 0 && int.TryParse(part.AsSpan(tick + 1), out var n))
                arity += n;
        }
        return arity;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method.DeclaringType.FullName}.{Method.Name}";
}
