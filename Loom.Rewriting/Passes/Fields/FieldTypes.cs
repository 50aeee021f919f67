using Mono.Cecil;

namespace Loom.Rewriting.Passes.Fields;

/// <summary>
/// The type argument of a field's stand-in: the field's type as the accessing code sees it, without its modifiers
/// (a volatile field's <c>modreq(IsVolatile)</c>), and with the generic arguments of the declaring type's instance
/// put in for its type parameters (<c>!0 Box`1&lt;int32&gt;::Value</c> is an <c>int32</c>; inside <c>Box&lt;T&gt;</c>
/// the instance is <c>Box`1&lt;!0&gt;</c>, so it stays the calling code's <c>!0</c>).
/// </summary>
internal static class FieldTypes
{
    private const string IsVolatile = "System.Runtime.CompilerServices.IsVolatile";

    /// <summary>The type of <paramref name="field"/> at this access.</summary>
    public static TypeReference Of(FieldReference field)
    {
        var type = Unmodified(field.FieldType);
        return field.DeclaringType is GenericInstanceType instance ? Substitute(type, instance) : type;
    }

    /// <summary>Whether the field's type carries <c>modreq(IsVolatile)</c>: C#'s <c>volatile</c>.</summary>
    public static bool IsVolatileField(FieldReference field)
    {
        for (var type = field.FieldType; type is IModifierType modified; type = modified.ElementType)
        {
            if (modified is RequiredModifierType && modified.ModifierType.FullName == IsVolatile)
                return true;
        }
        return false;
    }

    /// <summary>Whether a stand-in can take a <c>ref</c> to a location of <paramref name="type"/> as its type argument.</summary>
    public static bool CanBeTypeArgument(TypeReference type) =>
        type is not (PointerType or FunctionPointerType or ByReferenceType or PinnedType or SentinelType)
        && type.MetadataType is not (MetadataType.Void or MetadataType.TypedByReference);

    private static TypeReference Unmodified(TypeReference type)
    {
        while (type is IModifierType modified)
            type = modified.ElementType;
        return type;
    }

    private static TypeReference Substitute(TypeReference type, GenericInstanceType instance)
    {
        switch (type)
        {
            case GenericParameter { Type: GenericParameterType.Type } parameter when parameter.Position < instance.GenericArguments.Count:
                return instance.GenericArguments[parameter.Position];
            case GenericInstanceType generic:
                var substituted = new GenericInstanceType(generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                    substituted.GenericArguments.Add(Substitute(argument, instance));
                return substituted;
            case ArrayType array:
                var copy = new ArrayType(Substitute(array.ElementType, instance), array.Rank);
                for (var i = 0; i < array.Rank; i++)
                    copy.Dimensions[i] = array.Dimensions[i];
                return copy;
            default:
                return type;
        }
    }
}
