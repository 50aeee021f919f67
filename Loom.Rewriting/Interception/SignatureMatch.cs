using Mono.Cecil;

namespace Loom.Rewriting.Interception;

/// <summary>
/// Whether a stand-in has the shape the convention gives for a called member: the instance first (the object, or
/// <c>ref T</c> for a struct), then the member's parameters, then caller-info parameters; the target type's generic
/// parameters first among the stand-in's. Types compare by name, not by assembly, since the caller's references
/// (System.Runtime) and Loom.Core's may name different facades of the same type; custom modifiers are ignored
/// (<c>ref readonly</c> is a modifier on some signatures and not on others).
/// </summary>
internal static class SignatureMatch
{
    public static bool Matches(MethodReference called, StandIn standIn)
    {
        var method = standIn.Method;
        var calledGenericArity = called is GenericInstanceMethod instance
            ? instance.GenericArguments.Count
            : called.GenericParameters.Count;
        if (method.GenericParameters.Count != standIn.TypeArity + calledGenericArity)
            return false;
        var typeArguments = called.DeclaringType is GenericInstanceType g ? g.GenericArguments.Count : 0;
        if (typeArguments != standIn.TypeArity)
            return false;

        var signature = called is GenericInstanceMethod gim ? gim.ElementMethod : called;
        var isConstructor = called.Name == ".ctor";
        var offset = called.HasThis && !isConstructor ? 1 : 0;
        if (standIn.CoreParameterCount != signature.Parameters.Count + offset)
            return false;

        if (offset == 1)
        {
            var first = Strip(method.Parameters[0].ParameterType);
            var self = first is ByReferenceType byRef ? Strip(byRef.ElementType) : first;
            if (!SameAsDeclaring(self, standIn))
                return false;
        }
        for (var i = 0; i < signature.Parameters.Count; i++)
        {
            if (!Same(signature.Parameters[i].ParameterType, method.Parameters[i + offset].ParameterType, standIn.TypeArity))
                return false;
        }
        return isConstructor
            ? SameAsDeclaring(Strip(method.ReturnType), standIn)
            : Same(signature.ReturnType, method.ReturnType, standIn.TypeArity);
    }

    /// <summary>Whether <paramref name="type"/> is the target type, instantiated over the stand-in's first generic parameters.</summary>
    private static bool SameAsDeclaring(TypeReference type, StandIn standIn)
    {
        if (standIn.TypeArity == 0)
            return type is not GenericInstanceType && type.FullName == standIn.Target.FullName;
        if (type is not GenericInstanceType instance || instance.ElementType.FullName != standIn.Target.FullName)
            return false;
        for (var i = 0; i < instance.GenericArguments.Count; i++)
        {
            if (instance.GenericArguments[i] is not GenericParameter p || p.Type != GenericParameterType.Method || p.Position != i)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the called member's parameter type <paramref name="called"/> is the stand-in's <paramref name="standIn"/>:
    /// a type parameter of the target type (<c>!i</c>) is the stand-in's method parameter <c>i</c>, and a method
    /// parameter of the member (<c>!!j</c>) the stand-in's <c>typeArity + j</c>.
    /// </summary>
    private static bool Same(TypeReference called, TypeReference standIn, int typeArity)
    {
        called = Strip(called);
        standIn = Strip(standIn);
        switch (called)
        {
            case GenericParameter p:
                return standIn is GenericParameter q
                    && q.Type == GenericParameterType.Method
                    && q.Position == (p.Type == GenericParameterType.Type ? p.Position : typeArity + p.Position);
            case ByReferenceType byRef:
                return standIn is ByReferenceType otherByRef && Same(byRef.ElementType, otherByRef.ElementType, typeArity);
            case PointerType pointer:
                return standIn is PointerType otherPointer && Same(pointer.ElementType, otherPointer.ElementType, typeArity);
            case ArrayType array:
                return standIn is ArrayType otherArray && array.Rank == otherArray.Rank && Same(array.ElementType, otherArray.ElementType, typeArity);
            case GenericInstanceType r:
                if (standIn is not GenericInstanceType t || t.GenericArguments.Count != r.GenericArguments.Count || !Same(r.ElementType, t.ElementType, typeArity))
                    return false;
                for (var i = 0; i < r.GenericArguments.Count; i++)
                {
                    if (!Same(r.GenericArguments[i], t.GenericArguments[i], typeArity))
                        return false;
                }
                return true;
            default:
                return standIn is not (GenericParameter or ByReferenceType or PointerType or ArrayType or GenericInstanceType)
                    && called.FullName == standIn.FullName;
        }
    }

    private static TypeReference Strip(TypeReference type)
    {
        while (type is IModifierType modified)
            type = modified.ElementType;
        return type;
    }
}
