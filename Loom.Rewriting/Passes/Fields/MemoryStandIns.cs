using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Loom.Rewriting.Passes.Fields;

/// <summary>
/// The stand-ins of field and array element accesses: the methods of <c>FieldCalls</c> and <c>ArrayCalls</c> in the
/// Loom.Core module the interception table reads, found by class and method name (they stand in for instructions,
/// not for a BCL type's members, so they carry no <c>[Intercepts]</c>). Each is imported once per module rewritten.
/// </summary>
internal sealed class MemoryStandIns
{
    private const string FieldCallsName = "FieldCalls";
    private const string ArrayCallsName = "ArrayCalls";

    private readonly Dictionary<string, MethodDefinition> _methods = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(ModuleDefinition, MethodDefinition), MethodReference> _imported = new();

    /// <exception cref="RewriteException"><paramref name="module"/> lacks one of the classes or methods.</exception>
    public MemoryStandIns(ModuleDefinition module)
    {
        // Parameter counts as the fields pass loads the arguments; a Loom.Core that disagrees is not this rewriter's.
        Find(module, FieldCallsName, ("Read", 6), ("ReadVolatile", 6), ("Write", 7), ("WriteVolatile", 7), ("Address", 4),
            ("ReadStatic", 5), ("ReadStaticVolatile", 5), ("WriteStatic", 6), ("WriteStaticVolatile", 6), ("AddressStatic", 3));
        Find(module, ArrayCallsName, ("Read", 4), ("Write", 5), ("Address", 2), ("ReadOnlyAddress", 2));
    }

    /// <summary><c>FieldCalls.<paramref name="name"/>&lt;T&gt;</c> as <paramref name="module"/> calls it.</summary>
    public MethodReference Field(ModuleDefinition module, string name, TypeReference type) => Instance(module, FieldCallsName + "." + name, type);

    /// <summary><c>ArrayCalls.<paramref name="name"/>&lt;T&gt;</c> as <paramref name="module"/> calls it.</summary>
    public MethodReference Array(ModuleDefinition module, string name, TypeReference type) => Instance(module, ArrayCallsName + "." + name, type);

    private MethodReference Instance(ModuleDefinition module, string key, TypeReference type)
    {
        var method = _methods[key];
        if (!_imported.TryGetValue((module, method), out var imported))
            _imported[(module, method)] = imported = module.ImportReference(method);
        var instance = new GenericInstanceMethod(imported);
        instance.GenericArguments.Add(type);
        return instance;
    }

    private void Find(ModuleDefinition module, string className, params (string Name, int Parameters)[] methods)
    {
        var type = module.Types.SingleOrDefault(t => t.Name == className)
            ?? throw new RewriteException(RewriteErrors.StandInsUnreadable,
                $"{module.FileName} has no {className} class, whose methods stand in for field and array accesses: it is not the Loom.Core this rewriter was built with.");
        foreach (var (name, parameters) in methods)
        {
            var method = type.Methods.SingleOrDefault(m => m.Name == name && m.IsStatic && m.IsPublic)
                ?? throw new RewriteException(RewriteErrors.StandInsUnreadable, $"{module.FileName}: {className} has no public static method {name}.");
            if (method.GenericParameters.Count != 1 || method.Parameters.Count != parameters)
            {
                throw new RewriteException(RewriteErrors.StandInsUnreadable,
                    $"{module.FileName}: {className}.{name} is not the stand-in this rewriter calls (one type parameter, {parameters} parameters).");
            }
            _methods[className + "." + name] = method;
        }
    }
}
