using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Loom.Rewriting.Interception;

/// <summary>
/// Every stand-in Loom.Core declares, by the BCL member it stands in for. It is read from the Loom.Core assembly the
/// test project binds to (its <c>[Intercepts]</c> classes), so the rewriter has no table of its own to fall out of
/// step with the stand-ins.
/// </summary>
internal sealed class InterceptionTable
{
    private const string AttributeName = "Loom.Interception.InterceptsAttribute";
    private const string PassesThroughName = "Loom.Interception.PassesThroughAttribute";
    private const string NotYetName = "Loom.Interception.NotInterceptedYetAttribute";

    private readonly Dictionary<(string Type, string Member), List<StandIn>> _byMember;
    private readonly HashSet<string> _targets;
    private readonly Dictionary<string, Declared> _declared;

    private InterceptionTable(List<StandIn> standIns, ModuleDefinition module, Dictionary<string, Declared> declared, UnseenCodeRecorder? recorder)
    {
        Module = module;
        Recorder = recorder;
        _declared = declared;
        StandIns = standIns;
        _byMember = standIns
            .GroupBy(s => (s.Target.FullName, s.Method.Name))
            .ToDictionary(g => g.Key, g => g.ToList());
        // A class may declare only members that pass through or wait for a stand-in: its type is a target too,
        // so its calls are classified and reported.
        _targets = standIns.Select(s => s.Target.FullName).Concat(declared.Keys).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The Loom.Core module the stand-ins live in.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>
    /// What rewritten code calls on entry to a method that can recurse (Loom.Interception.StackGuard.Enter(string)), or
    /// <see langword="null"/> for a Loom.Core without it: then recursion is left unguarded.
    /// </summary>
    public MethodDefinition? StackGuard =>
        Module.GetType("Loom.Interception.StackGuard")?.Methods.FirstOrDefault(m => m.IsStatic && m.IsPublic && m.Name == "Enter"
            && m.ReturnType.MetadataType == MetadataType.Void && m.Parameters.Count == 1 && m.Parameters[0].ParameterType.MetadataType == MetadataType.String);

    /// <summary>
    /// What rewritten code calls where it runs code Loom does not see (Loom.Interception.UnseenCode), or
    /// <see langword="null"/> for a Loom.Core without it: then such calls are listed at build time only.
    /// </summary>
    public UnseenCodeRecorder? Recorder { get; }

    /// <summary>Every stand-in, in declaration order.</summary>
    public IReadOnlyList<StandIn> StandIns { get; }

    /// <summary>Reads the stand-ins of <paramref name="module"/> (Loom.Core).</summary>
    /// <exception cref="RewriteException">The module declares no stand-in, or one breaks the convention.</exception>
    public static InterceptionTable Read(ModuleDefinition module)
    {
        var standIns = new List<StandIn>();
        var declared = new Dictionary<string, Declared>(StringComparer.Ordinal);
        UnseenCodeRecorder? recorder = null;
        foreach (var type in module.Types.SelectMany(AllTypes))
        {
            recorder ??= UnseenCodeRecorder.Of(type);
            var attribute = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == AttributeName);
            if (attribute is null)
                continue;
            if (attribute.ConstructorArguments.FirstOrDefault().Value is not TypeReference target)
                throw new RewriteException(RewriteErrors.StandInsUnreadable, $"{type.FullName} is marked [Intercepts] without a target type.");
            foreach (var method in type.Methods.Where(m => m.IsStatic && m.IsPublic && !m.IsConstructor))
                standIns.Add(Describe(method, target));
            declared[target.FullName] = new Declared(Members(type, PassesThroughName), Members(type, NotYetName));
        }
        if (standIns.Count == 0)
        {
            throw new RewriteException(RewriteErrors.StandInsUnreadable,
                $"{module.FileName} declares no stand-ins ([Intercepts] classes): it is not a Loom.Core this rewriter can use.");
        }
        return new InterceptionTable(standIns, module, declared, recorder);
    }

    /// <summary>
    /// What the stand-ins' class says of a member without a stand-in: that it passes through on purpose
    /// (<c>[PassesThrough]</c>), that it is not intercepted yet (<c>[NotInterceptedYet]</c>), or nothing.
    /// </summary>
    public Leftover Classify(MethodReference called)
    {
        var declaring = called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType;
        if (!_declared.TryGetValue(declaring.FullName, out var declared))
            return Leftover.Unknown;
        var name = called.Name == ".ctor" ? "New" : called.Name;
        var signature = called is GenericInstanceMethod instance ? instance.ElementMethod : called;
        var withParameters = $"{name}({string.Join(",", signature.Parameters.Select(p => p.ParameterType.FullName))})";
        bool Names(HashSet<string> members) => members.Contains(name) || members.Contains(withParameters);
        if (Names(declared.NotYet))
            return Leftover.NotYet;
        if (Names(declared.PassThrough) || declared.PassThrough.Contains("*"))
            return Leftover.PassesThrough;
        return declared.NotYet.Contains("*") ? Leftover.NotYet : Leftover.Unknown;
    }

    private static HashSet<string> Members(TypeDefinition type, string attribute) =>
        type.CustomAttributes.Where(a => a.AttributeType.FullName == attribute)
            .Select(a => (string)a.ConstructorArguments[0].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The members a class of stand-ins declares without stand-ins, by the forms the attributes take.</summary>
    private sealed record Declared(HashSet<string> PassThrough, HashSet<string> NotYet);

    /// <summary>Whether <paramref name="typeFullName"/> (Cecil's form: <c>System.Threading.Lock/Scope</c>) has stand-ins.</summary>
    public bool IsTarget(string typeFullName) => _targets.Contains(typeFullName);

    /// <summary>
    /// Whether a call of <paramref name="called"/> is one Loom must see: a member of an intercepted type that has a
    /// stand-in, or that is not declared to pass through. This is what makes an assembly that was not rewritten code
    /// Loom does not see.
    /// </summary>
    public bool MustSee(MethodReference called)
    {
        var declaring = called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType;
        return IsTarget(declaring.FullName) && (Find(called) is not null || Classify(called) != Leftover.PassesThrough);
    }

    /// <summary>The stand-in for the member <paramref name="called"/> names, or <see langword="null"/> if it has none.</summary>
    public StandIn? Find(MethodReference called)
    {
        var declaring = called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType;
        var member = called.Name == ".ctor" ? "New" : called.Name;
        if (!_byMember.TryGetValue((declaring.FullName, member), out var candidates))
            return null;
        foreach (var candidate in candidates)
        {
            if (SignatureMatch.Matches(called, candidate))
                return candidate;
        }
        return null;
    }

    private static StandIn Describe(MethodDefinition method, TypeReference target)
    {
        var kinds = new List<CallerInfoKind>();
        var expressionOf = new List<int?>();
        for (var i = method.Parameters.Count - 1; i >= 0; i--)
        {
            var parameter = method.Parameters[i];
            var kind = CallerInfo(parameter, out var named);
            if (kind is null)
                break;
            kinds.Insert(0, kind.Value);
            expressionOf.Insert(0, named is null ? null : method.Parameters.FirstOrDefault(p => p.Name == named)?.Index);
        }
        return new StandIn(method, target, kinds, expressionOf);
    }

    private static CallerInfoKind? CallerInfo(ParameterDefinition parameter, out string? named)
    {
        named = null;
        foreach (var attribute in parameter.CustomAttributes)
        {
            switch (attribute.AttributeType.FullName)
            {
                case "System.Runtime.CompilerServices.CallerFilePathAttribute":
                    return CallerInfoKind.FilePath;
                case "System.Runtime.CompilerServices.CallerLineNumberAttribute":
                    return CallerInfoKind.LineNumber;
                case "System.Runtime.CompilerServices.CallerMemberNameAttribute":
                    return CallerInfoKind.MemberName;
                case "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute":
                    named = attribute.ConstructorArguments.FirstOrDefault().Value as string;
                    return CallerInfoKind.ArgumentExpression;
            }
        }
        return null;
    }

    private static IEnumerable<TypeDefinition> AllTypes(TypeDefinition type) =>
        new[] { type }.Concat(type.NestedTypes.SelectMany(AllTypes));
}
