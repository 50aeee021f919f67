using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Loom.Rewriting.Passes.Fields;

/// <summary>
/// The locals a method's rewritten stores keep the value in while the owner and the field's reference are pushed
/// under it: one new local per type, shared by every store of that type in the method, since each holds the value
/// only from its <c>stloc</c> to the <c>ldloc</c> right after, with no branch in between.
/// </summary>
internal sealed class StashLocals
{
    private readonly MethodBody _body;
    private readonly Dictionary<string, VariableDefinition> _byType = new(System.StringComparer.Ordinal);

    public StashLocals(MethodBody body) => _body = body;

    /// <summary>A local of <paramref name="type"/> for the value of one store.</summary>
    public VariableDefinition For(TypeReference type)
    {
        var key = Key(type);
        if (!_byType.TryGetValue(key, out var local))
        {
            local = new VariableDefinition(type);
            _body.Variables.Add(local);
            _byType[key] = local;
        }
        return local;
    }

    // A type's FullName names a type parameter by its name only (a class's T and a method's T may share it), and
    // not its assembly; a key that tells apart two types that are the same costs only a local more.
    private static string Key(TypeReference type) => type switch
    {
        GenericParameter parameter => (parameter.Type == GenericParameterType.Method ? "!!" : "!") + parameter.Position,
        GenericInstanceType generic => $"{Key(generic.ElementType)}<{string.Join(",", generic.GenericArguments.Select(Key))}>",
        ArrayType array => $"{Key(array.ElementType)}[{array.Rank}]",
        _ => $"[{type.Scope?.Name}]{type.FullName}",
    };
}
