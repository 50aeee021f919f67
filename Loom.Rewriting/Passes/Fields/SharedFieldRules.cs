using System.Collections.Generic;
using System.Linq;
using Loom.Rewriting.Driver;
using Mono.Cecil;

namespace Loom.Rewriting.Passes.Fields;

/// <summary>
/// Which fields the fields pass tracks: those that two logical threads can share and whose accesses Loom must see.
/// Left as written: instance fields of value types (a struct is copied, or reached through the field or element
/// that holds it, which is tracked); <c>readonly</c> and constant fields (no store after construction to race
/// with); <c>[ThreadStatic]</c> fields (one per thread); the hoisted locals of async methods (their state machine
/// runs one step at a time); the compiler's cached lambdas (<c>&lt;&gt;c</c>, <c>&lt;&gt;O</c>: a racy cache of
/// equal delegates by design); fields of pointer types; and fields of assemblies Loom never rewrites.
/// </summary>
internal sealed class SharedFieldRules
{
    private const string AsyncStateMachine = "System.Runtime.CompilerServices.IAsyncStateMachine";
    private const string ThreadStatic = "System.ThreadStaticAttribute";
    private const string CompilerGenerated = "System.Runtime.CompilerServices.CompilerGeneratedAttribute";

    private readonly Dictionary<FieldDefinition, bool> _tracked = new();
    private readonly Dictionary<string, bool> _neverRewritten = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>What the pass does with one access of <paramref name="field"/>.</summary>
    public FieldVerdict Judge(FieldReference field, bool staticAccess)
    {
        var declaring = field.DeclaringType.GetElementType();
        if (IsNeverRewritten(declaring))
            return FieldVerdict.Skipped;
        if (Resolve(field) is not { } definition)
            return FieldVerdict.Unresolved;
        // ldfld on a static field is legal IL that ignores the object; it is left as written, like any odd shape.
        if (definition.IsStatic != staticAccess)
            return FieldVerdict.Skipped;
        if (!_tracked.TryGetValue(definition, out var tracked))
            _tracked[definition] = tracked = IsTracked(definition) && FieldTypes.CanBeTypeArgument(FieldTypes.Of(field));
        return tracked ? FieldVerdict.Tracked : FieldVerdict.Skipped;
    }

    /// <summary>The field's name in traces: <c>Type.field</c>, nested types dotted, an auto-property by its name.</summary>
    public static string TraceName(FieldReference field) => $"{TypeName(field.DeclaringType.GetElementType())}.{ArgumentNames.FieldName(field.Name)}";

    /// <summary>The field's name in the build's "left as written" list: its full type name and its own name.</summary>
    public static string FullName(FieldReference field) => $"{field.DeclaringType.GetElementType().FullName.Replace('/', '.')}.{field.Name}";

    private static FieldDefinition? Resolve(FieldReference field)
    {
        try
        {
            return field.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static bool IsTracked(FieldDefinition field)
    {
        var type = field.DeclaringType;
        if (field.IsLiteral || field.IsInitOnly || field.HasFieldRVA)
            return false;
        if (type.Interfaces.Any(i => i.InterfaceType.FullName == AsyncStateMachine))
            return false;
        if (!field.IsStatic)
            return !type.IsValueType;
        if (field.CustomAttributes.Any(a => a.AttributeType.FullName == ThreadStatic))
            return false;
        return !(type.Name is "<>c" or "<>O" && type.CustomAttributes.Any(a => a.AttributeType.FullName == CompilerGenerated));
    }

    private bool IsNeverRewritten(TypeReference declaring)
    {
        var assembly = declaring.Scope switch
        {
            AssemblyNameReference reference => reference.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            _ => null,   // another module of the assembly being rewritten
        };
        if (assembly is null)
            return false;
        if (!_neverRewritten.TryGetValue(assembly, out var never))
            _neverRewritten[assembly] = never = NeverRewritten.Reason(assembly) is not null;
        return never;
    }

    private static string TypeName(TypeReference type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick > 0)
            name = name[..tick];
        return type.DeclaringType is { } outer ? $"{TypeName(outer)}.{name}" : name;
    }
}
