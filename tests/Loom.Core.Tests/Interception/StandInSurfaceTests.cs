using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using Loom.Interception;
using Xunit;

namespace Loom.Tests.Interception;

/// <summary>
/// The stand-ins and what they say about their targets, read from the attributes by reflection. For every class
/// marked <see cref="InterceptsAttribute"/>: it has the shape the rewriter expects of it; each of its methods matches
/// a real member of the target in the rewriter's convention; and every public member of the target has a stand-in,
/// a <see cref="PassesThroughAttribute"/> or a <see cref="NotInterceptedYetAttribute"/>, each naming a real member
/// with a reason. A class declares a member form as the attributes document it: the IL name (every overload, a
/// constructor is <c>New</c>), the name with its parameter types' full names (<c>New(System.Int32)</c>; a generic
/// parameter is <c>!0</c> of the type, <c>!!0</c> of the method), or <c>*</c> for every member without a stand-in.
/// </summary>
public class StandInSurfaceTests
{
    /// <summary>The namespace of the stand-ins proper.</summary>
    private const string StandInNamespace = "Loom.Interception";

    /// <summary>
    /// The namespace of the mirrors that are their own stand-ins (Monitor, Interlocked, Volatile): user code calls
    /// them by name, so they are named as their target and stay visible.
    /// </summary>
    private const string MirrorNamespace = "Loom.Threading";

    /// <summary>
    /// Members that must have a stand-in even where <c>*</c> passes the rest of their type through: they read the
    /// clock, draw randomness or give the thread's identity, which inside an execution must be the execution's.
    /// Every overload a form matches must have one.
    /// </summary>
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(Random)] = ["get_Shared", "New()"],
        [typeof(DateTime)] = ["get_Now", "get_UtcNow", "get_Today"],
        [typeof(DateTimeOffset)] = ["get_Now", "get_UtcNow"],
        [typeof(Guid)] = ["NewGuid", "CreateVersion7"],
        [typeof(Environment)] = ["get_TickCount", "get_TickCount64", "get_CurrentManagedThreadId"],
    };

    public static TheoryData<Type> StandInClasses() => new(Classes());

    [Fact]
    public void Each_target_type_has_exactly_one_class_of_stand_ins()
    {
        var shared = Classes().GroupBy(TargetOf).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.FullName))}").ToList();
        Assert.True(shared.Count == 0, $"Merge the classes that share a target into one: {string.Join("; ", shared)}");
        var missing = Required.Keys.Where(t => !Classes().Any(c => TargetOf(c) == t)).ToList();
        Assert.True(missing.Count == 0, $"No class of stand-ins for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(StandInClasses))]
    public void A_class_of_stand_ins_is_static_named_after_its_target_and_hidden_from_completion(Type standIns)
    {
        var target = TargetOf(standIns);
        Assert.True(standIns.IsAbstract && standIns.IsSealed, $"{standIns.FullName} must be a static class");
        if (standIns.Namespace == MirrorNamespace)
        {
            Assert.Equal(target.Name, standIns.Name);
            return;
        }
        Assert.Equal(StandInNamespace, standIns.Namespace);
        Assert.Contains(standIns.Name, ExpectedNames(target));
        Assert.Equal(EditorBrowsableState.Never, standIns.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }

    [Theory]
    [MemberData(nameof(StandInClasses))]
    public void Every_stand_in_matches_a_real_member_of_its_target_in_the_rewriters_shape(Type standIns)
    {
        var target = TargetOf(standIns);
        var real = RealMembers(target).Select(m => m.Shape).ToHashSet();
        var problems = new List<string>();
        foreach (var method in Methods(standIns))
        {
            if (!StandInShapes(method, target).Any(real.Contains))
                problems.Add($"{method}: no public member of {target} has this shape (IL name, instance first, the member's parameters and result)");
            var callerInfo = method.GetParameters().SkipWhile(p => !IsCallerInfo(p)).ToList();
            if (callerInfo.Any(p => !IsCallerInfo(p) || !p.IsOptional))
                problems.Add($"{method}: the caller-info parameters must come last, and be optional");
            if (!callerInfo.Any(p => p.IsDefined(typeof(CallerLineNumberAttribute))) && !IsMirrorProperty(method))
                problems.Add($"{method}: no [CallerLineNumber] parameter for the rewriter to fill with the call site's line");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(StandInClasses))]
    public void Every_public_member_of_the_target_has_a_stand_in_or_a_declared_reason(Type standIns)
    {
        var declared = Declarations(standIns).ToList();
        var offered = Offered(standIns);
        var missing = RealMembers(TargetOf(standIns))
            .Where(m => !offered.Contains(m.Shape) && !declared.Any(d => d.Member == "*" || Names(d.Member, m)))
            .Select(m => m.Signature)
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0,
            $"{TargetOf(standIns)} members with neither a stand-in in {standIns.Name} nor a [PassesThrough] or [NotInterceptedYet] on it: {string.Join("; ", missing)}");
    }

    [Theory]
    [MemberData(nameof(StandInClasses))]
    public void Every_declaration_names_a_real_member_once_and_gives_a_reason(Type standIns)
    {
        var real = RealMembers(TargetOf(standIns)).ToList();
        var problems = new List<string>();
        foreach (var declaration in Declarations(standIns))
        {
            if (string.IsNullOrWhiteSpace(declaration.Reason))
                problems.Add($"{declaration}: the reason is empty");
            if (declaration.Member != "*" && !real.Any(m => Names(declaration.Member, m)))
                problems.Add($"{declaration}: {TargetOf(standIns)} has no public member {declaration.Member}");
        }
        problems.AddRange(Declarations(standIns).GroupBy(d => d.Member).Where(g => g.Count() > 1).Select(g => $"{g.Key} is declared {g.Count()} times"));
        if (Declarations(standIns).Count(d => d.Member == "*") > 1)
            problems.Add("more than one declaration is *");
        Assert.True(problems.Count == 0, $"{standIns.Name}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(StandInClasses))]
    public void No_member_is_both_intercepted_and_declared_left_to_the_BCL(Type standIns)
    {
        var offered = Offered(standIns);
        var specific = Declarations(standIns).Where(d => d.Member != "*").ToList();
        var problems = new List<string>();
        foreach (var member in RealMembers(TargetOf(standIns)))
        {
            var naming = specific.Where(d => Names(d.Member, member)).ToList();
            if (offered.Contains(member.Shape) && naming.Count > 0)
                problems.Add($"{member.Signature} has a stand-in and is declared {string.Join(" and ", naming)}");
            else if (naming.Count > 1)
                problems.Add($"{member.Signature} is declared {string.Join(" and ", naming)}");
        }
        Assert.True(problems.Count == 0, $"{standIns.Name}: say each member once.\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void The_members_that_read_the_clock_draw_randomness_or_name_the_thread_have_stand_ins()
    {
        var problems = new List<string>();
        foreach (var (target, forms) in Required)
        {
            var offered = Offered(Classes().Single(c => TargetOf(c) == target));
            var real = RealMembers(target).ToList();
            foreach (var form in forms)
            {
                var named = real.Where(m => Names(form, m)).ToList();
                if (named.Count == 0)
                    problems.Add($"{target.Name}.{form} names no member: correct the list");
                problems.AddRange(named.Where(m => !offered.Contains(m.Shape)).Select(m => $"{target.Name}.{m.Signature} needs a stand-in"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A member as the rewriter matches it: IL name with generic arity, parameters, whether it is static, result.</summary>
    private readonly record struct Shape(string Key, bool IsStatic, string Result);

    /// <summary>A public member of a target: its shape, and the form a declaration names it by.</summary>
    private readonly record struct RealMember(string Name, string Signature, Shape Shape);

    /// <summary>A <see cref="PassesThroughAttribute"/> or <see cref="NotInterceptedYetAttribute"/>, read the same way.</summary>
    private readonly record struct Declaration(string Kind, string Member, string Reason)
    {
        public override string ToString() => $"[{Kind}(\"{Member}\")]";
    }

    private static IEnumerable<Type> Classes() =>
        typeof(InterceptsAttribute).Assembly.GetTypes().Where(t => t.IsDefined(typeof(InterceptsAttribute), inherit: false));

    private static Type TargetOf(Type standIns) => standIns.GetCustomAttribute<InterceptsAttribute>()!.Target;

    private static IEnumerable<MethodInfo> Methods(Type standIns) =>
        standIns.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

    private static IEnumerable<Declaration> Declarations(Type standIns) =>
        standIns.GetCustomAttributes<PassesThroughAttribute>().Select(a => new Declaration("PassesThrough", a.Member, a.Reason))
            .Concat(standIns.GetCustomAttributes<NotInterceptedYetAttribute>().Select(a => new Declaration("NotInterceptedYet", a.Member, a.Consequence)));

    /// <summary>The shapes of the real members the class's stand-ins stand in for.</summary>
    private static HashSet<Shape> Offered(Type standIns) =>
        Methods(standIns).SelectMany(m => StandInShapes(m, TargetOf(standIns))).ToHashSet();

    /// <summary>Whether a declaration's member form names <paramref name="member"/>: by IL name, or by name and parameters.</summary>
    private static bool Names(string form, RealMember member) => form == member.Name || form == member.Signature;

    /// <summary>
    /// The names a class of stand-ins may have: the target's name (with its enclosing type's, or not, for a nested
    /// one), <c>Of</c> and its generic parameters' names for a generic one (<c>TaskOfTResultCalls</c>), then <c>Calls</c>.
    /// </summary>
    private static IEnumerable<string> ExpectedNames(Type target)
    {
        static string Plain(Type t) => t.Name.Split('`')[0];
        var generic = target.IsGenericTypeDefinition ? "Of" + string.Concat(target.GetGenericArguments().Select(a => a.Name)) : "";
        yield return Plain(target) + generic + "Calls";
        if (target.DeclaringType is { } outer)
            yield return Plain(outer) + Plain(target) + generic + "Calls";
    }

    /// <summary>
    /// An accessor of a mirror's property (<c>Monitor.LockContentionCount</c>): user code reads it as a property,
    /// which cannot take caller-info parameters.
    /// </summary>
    private static bool IsMirrorProperty(MethodInfo method) =>
        method.DeclaringType!.Namespace == MirrorNamespace && method.IsSpecialName &&
        method.DeclaringType.GetProperties(BindingFlags.Public | BindingFlags.Static).Any(p => p.GetMethod == method || p.SetMethod == method);

    /// <summary>Every public member the target declares, as the rewriter sees it: IL name (constructors as New), parameters, result.</summary>
    private static IEnumerable<RealMember> RealMembers(Type target) =>
        target.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OfType<MethodBase>()
            .Select(m =>
            {
                var name = m is ConstructorInfo ? "New" : m.Name;
                var arity = m is MethodInfo { IsGenericMethodDefinition: true } ? m.GetGenericArguments().Length : 0;
                var parameters = string.Join(",", m.GetParameters().Select(p => Canon(p.ParameterType, RealGeneric)));
                var result = m is MethodInfo method ? Canon(method.ReturnType, RealGeneric) : Canon(target, RealGeneric);
                var shape = new Shape($"{name}`{arity}({parameters})", m.IsStatic || m is ConstructorInfo, result);
                return new RealMember(name, $"{name}({parameters})", shape);
            });

    /// <summary>
    /// The real members a stand-in could stand for: a static member (all its parameters) and, if its first parameter
    /// is the instance (the target, or <c>ref</c> the target for a struct), an instance one. Its first generic
    /// parameters stand for the target type's own; its caller-info parameters are the rewriter's to fill.
    /// </summary>
    private static IEnumerable<Shape> StandInShapes(MethodInfo method, Type target)
    {
        var typeArity = target.IsGenericTypeDefinition ? target.GetGenericArguments().Length : 0;
        var methodArity = method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0;
        if (methodArity < typeArity)
            yield break;
        string Generic(Type p) => p.GenericParameterPosition < typeArity ? $"!{p.GenericParameterPosition}" : $"!!{p.GenericParameterPosition - typeArity}";
        var parameters = method.GetParameters().Where(p => !IsCallerInfo(p)).Select(p => Canon(p.ParameterType, Generic)).ToList();
        var result = Canon(method.ReturnType, Generic);
        var key = $"{method.Name}`{methodArity - typeArity}";
        yield return new Shape($"{key}({string.Join(",", parameters)})", true, result);
        var self = Canon(target, RealGeneric) + (target.IsValueType ? "&" : "");
        if (parameters.Count > 0 && parameters[0] == self)
            yield return new Shape($"{key}({string.Join(",", parameters.Skip(1))})", false, result);
    }

    private static string RealGeneric(Type p) => p.DeclaringMethod is null ? $"!{p.GenericParameterPosition}" : $"!!{p.GenericParameterPosition}";

    /// <summary>A type's full name with generic parameters by position: <c>!0</c> of the type, <c>!!0</c> of the method.</summary>
    private static string Canon(Type type, Func<Type, string> generic)
    {
        if (type.IsGenericParameter)
            return generic(type);
        if (type.IsByRef)
            return Canon(type.GetElementType()!, generic) + "&";
        if (type.IsPointer)
            return Canon(type.GetElementType()!, generic) + "*";
        if (type.IsArray)
            return Canon(type.GetElementType()!, generic) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            return $"{definition.FullName}<{string.Join(",", type.GetGenericArguments().Select(a => Canon(a, generic)))}>";
        }
        return type.FullName!;
    }

    private static bool IsCallerInfo(ParameterInfo parameter) =>
        parameter.IsDefined(typeof(CallerFilePathAttribute)) ||
        parameter.IsDefined(typeof(CallerLineNumberAttribute)) ||
        parameter.IsDefined(typeof(CallerMemberNameAttribute)) ||
        parameter.IsDefined(typeof(CallerArgumentExpressionAttribute));
}
