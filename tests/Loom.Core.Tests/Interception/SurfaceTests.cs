using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Loom.Interception;
using Xunit;
using PeriodicTimer = System.Threading.PeriodicTimer;
using ThreadPool = System.Threading.ThreadPool;
using Timer = System.Threading.Timer;

namespace Loom.Tests.Interception;

/// <summary>
/// The stand-ins follow the rewriter's convention (<see cref="InterceptsAttribute"/>) and cover the BCL's surface:
/// every stand-in matches a real member of its target (IL name, instance first, the member's parameters, its result,
/// the type's generic parameters first), and every public member of a target that touches tasks, time or randomness
/// has a stand-in or is listed here as passing through, with the reason.
/// </summary>
public class SurfaceTests
{
    private const string Unstarted = "makes an unstarted task; its Start is intercepted";
    private const string State = "reads state, starts and waits for nothing";
    private const string Completed = "a task completed already";
    private const string Combinator = "a combinator: it completes on the step that completes its tasks, under Loom's control";
    private const string OnCompleted = "the continuation comes back through the context it captured, which inside an execution is Loom's (the ConfigureAwait stand-ins always capture it)";
    private const string Configuration = "configuration that starts nothing";
    private const string NotYet = "NOT YET INTERCEPTED: a continuation on the default scheduler runs on the real thread pool; inside an execution it is reported as uncontrolled concurrency when it touches Loom";

    /// <summary>Members that pass through, by IL name (every overload) or by name and parameters, per target; "*" covers the rest of a type whose only clock or random members are <see cref="Required"/>.</summary>
    private static readonly Dictionary<Type, Dictionary<string, string>> PassThrough = new()
    {
        [typeof(Task)] = new()
        {
            ["New"] = Unstarted,
            ["get_Id"] = State,
            ["get_CurrentId"] = State,
            ["get_Exception"] = State,
            ["get_Status"] = State,
            ["get_IsCanceled"] = State,
            ["get_IsCompleted"] = State,
            ["get_IsCompletedSuccessfully"] = State,
            ["get_IsFaulted"] = State,
            ["get_CreationOptions"] = State,
            ["get_AsyncState"] = State,
            ["get_Factory"] = "the factory's StartNew is intercepted (TaskFactoryCalls)",
            ["get_CompletedTask"] = Completed,
            ["FromResult"] = Completed,
            ["FromException"] = Completed,
            ["FromCanceled"] = Completed,
            ["GetAwaiter"] = "the awaiter's GetResult is intercepted (TaskAwaiterCalls)",
            ["Yield"] = "posts its continuation to the current synchronization context: inside an execution a step under Loom's control",
            ["WhenAll"] = Combinator,
            ["WhenAny"] = Combinator,
            ["WhenEach"] = Combinator,
            ["WaitAsync(System.Threading.CancellationToken)"] = "no timer: completes with the task or the token's cancellation",
            ["RunSynchronously"] = "runs the task inline on the calling thread",
            ["Dispose"] = "releases the task's wait handle; no concurrency",
            ["ContinueWith"] = NotYet,
        },
        [typeof(Task<>)] = new()
        {
            ["New"] = Unstarted,
            ["get_Factory"] = "the factory's StartNew is intercepted (TaskFactoryOfTResultCalls)",
            ["GetAwaiter"] = "the awaiter's GetResult is intercepted (TaskAwaiterOfTResultCalls)",
            ["WaitAsync(System.Threading.CancellationToken)"] = "no timer: completes with the task or the token's cancellation",
            ["ContinueWith"] = NotYet,
        },
        [typeof(TaskFactory)] = new()
        {
            ["New"] = Configuration,
            ["get_CancellationToken"] = Configuration,
            ["get_CreationOptions"] = Configuration,
            ["get_ContinuationOptions"] = Configuration,
            ["get_Scheduler"] = Configuration,
            ["ContinueWhenAll"] = NotYet,
            ["ContinueWhenAny"] = NotYet,
            ["FromAsync"] = "wraps the APM pattern: completes where the asynchronous operation's callback runs (real I/O is outside any model)",
        },
        [typeof(TaskFactory<>)] = new()
        {
            ["New"] = Configuration,
            ["get_CancellationToken"] = Configuration,
            ["get_CreationOptions"] = Configuration,
            ["get_ContinuationOptions"] = Configuration,
            ["get_Scheduler"] = Configuration,
            ["ContinueWhenAll"] = NotYet,
            ["ContinueWhenAny"] = NotYet,
            ["FromAsync"] = "wraps the APM pattern: completes where the asynchronous operation's callback runs (real I/O is outside any model)",
        },
        [typeof(ThreadPool)] = new()
        {
            ["RegisterWaitForSingleObject"] = "NOT YET INTERCEPTED: waits on a wait handle, which the synchronization pass models (rewrite-sync)",
            ["UnsafeRegisterWaitForSingleObject"] = "NOT YET INTERCEPTED: waits on a wait handle, which the synchronization pass models (rewrite-sync)",
            ["UnsafeQueueNativeOverlapped"] = "completes native I/O, outside any model",
            ["BindHandle"] = "binds an OS handle for I/O completion, outside any model",
            ["SetMinThreads"] = Configuration,
            ["SetMaxThreads"] = Configuration,
            ["GetMinThreads"] = Configuration,
            ["GetMaxThreads"] = Configuration,
            ["GetAvailableThreads"] = "statistics of the real pool",
            ["get_ThreadCount"] = "statistics of the real pool",
            ["get_CompletedWorkItemCount"] = "statistics of the real pool",
            ["get_PendingWorkItemCount"] = "statistics of the real pool",
        },
        [typeof(Timer)] = new() { ["get_ActiveCount"] = "a process-wide statistic of real timers" },
        [typeof(PeriodicTimer)] = new()
        {
            ["WaitForNextTickAsync"] = "ticks on the provider given at construction: the execution's clock inside one",
            ["get_Period"] = State,
            ["set_Period"] = "re-arms the timer on its provider",
            ["Dispose"] = "disposes the timer on its provider",
        },
        [typeof(TaskAwaiter)] = Awaiter(),
        [typeof(TaskAwaiter<>)] = Awaiter(),
        [typeof(ConfiguredTaskAwaitable.ConfiguredTaskAwaiter)] = Awaiter(),
        [typeof(ConfiguredTaskAwaitable<>.ConfiguredTaskAwaiter)] = Awaiter(),
        [typeof(ValueTaskAwaiter)] = Awaiter(),
        [typeof(ValueTaskAwaiter<>)] = Awaiter(),
        [typeof(ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter)] = Awaiter(),
        [typeof(ConfiguredValueTaskAwaitable<>.ConfiguredValueTaskAwaiter)] = Awaiter(),
        [typeof(ValueTask)] = ValueTaskMembers(generic: false),
        [typeof(ValueTask<>)] = ValueTaskMembers(generic: true),
        [typeof(Stopwatch)] = new() { ["GetElapsedTime(System.Int64,System.Int64)"] = "arithmetic on two timestamps the caller read" },
        [typeof(TimeProvider)] = new()
        {
            ["get_TimestampFrequency"] = "Stopwatch.Frequency for the system's clock and the execution's alike",
            ["GetElapsedTime(System.Int64,System.Int64)"] = "arithmetic on two timestamps the caller read",
        },
        [typeof(Random)] = new()
        {
            ["New(System.Int32)"] = "seeded by the caller: deterministic already",
            ["*"] = "draws on an instance: deterministic once the instance is (Random.Shared and new Random() are intercepted)",
        },
        [typeof(DateTime)] = new() { ["*"] = "value arithmetic, parsing and formatting: no clock" },
        [typeof(DateTimeOffset)] = new() { ["*"] = "value arithmetic, parsing and formatting: no clock" },
        [typeof(Guid)] = new() { ["*"] = "value operations, parsing and formatting: no randomness" },
        [typeof(Environment)] = new() { ["*"] = "the process's environment, not time (Environment.CurrentManagedThreadId belongs to the Thread pass)" },
    };

    /// <summary>For the types with a "*" entry, the members that read the clock or draw randomness: they must have stand-ins.</summary>
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(Random)] = ["get_Shared", "New()"],
        [typeof(DateTime)] = ["get_Now", "get_UtcNow", "get_Today"],
        [typeof(DateTimeOffset)] = ["get_Now", "get_UtcNow"],
        [typeof(Guid)] = ["NewGuid", "CreateVersion7"],
        [typeof(Environment)] = ["get_TickCount", "get_TickCount64"],
    };

    private static Dictionary<string, string> Awaiter() => new()
    {
        ["get_IsCompleted"] = State,
        ["OnCompleted"] = OnCompleted,
        ["UnsafeOnCompleted"] = OnCompleted,
    };

    private static Dictionary<string, string> ValueTaskMembers(bool generic)
    {
        var members = new Dictionary<string, string>
        {
            ["New"] = "wraps a result, a task or a source; no concurrency",
            ["AsTask"] = "the task is the value task's, completed where it completes",
            ["Preserve"] = State,
            ["GetAwaiter"] = "the awaiter's GetResult is intercepted",
            ["get_IsCompleted"] = State,
            ["get_IsCompletedSuccessfully"] = State,
            ["get_IsFaulted"] = State,
            ["get_IsCanceled"] = State,
            ["Equals"] = "value equality",
            ["GetHashCode"] = "value equality",
            ["op_Equality"] = "value equality",
            ["op_Inequality"] = "value equality",
        };
        if (generic)
        {
            members["ToString"] = "formats the result of a completed value task";
        }
        else
        {
            members["get_CompletedTask"] = Completed;
            members["FromResult"] = Completed;
            members["FromException"] = Completed;
            members["FromCanceled"] = Completed;
        }
        return members;
    }

    private static IEnumerable<Type> StandInClasses() =>
        typeof(InterceptsAttribute).Assembly.GetTypes().Where(t => t.IsDefined(typeof(InterceptsAttribute)));

    private static Type TargetOf(Type standIns) => standIns.GetCustomAttribute<InterceptsAttribute>()!.Target;

    public static TheoryData<Type> Targets() => new(PassThrough.Keys);

    [Fact]
    public void Every_target_type_has_one_class_of_stand_ins_named_after_it()
    {
        var classes = StandInClasses().ToList();
        Assert.Equal(PassThrough.Keys.OrderBy(t => t.FullName), classes.Select(TargetOf).OrderBy(t => t.FullName));
        Assert.All(classes, c =>
        {
            Assert.True(c.IsAbstract && c.IsSealed, $"{c.Name} is not static");
            Assert.Equal("Loom.Interception", c.Namespace);
            Assert.EndsWith("Calls", c.Name, StringComparison.Ordinal);
            Assert.Equal(EditorBrowsableState.Never, c.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        });
    }

    [Fact]
    public void Every_stand_in_matches_a_real_member_of_its_target()
    {
        var problems = new List<string>();
        foreach (var standIns in StandInClasses())
        {
            var target = TargetOf(standIns);
            var real = RealMembers(target).ToLookup(m => m.Key);
            foreach (var method in standIns.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var match = StandInShapes(method, target).FirstOrDefault(shape => real[shape.Key].Any(r => r.IsStatic == shape.IsStatic && r.Result == shape.Result));
                if (match.Key is null)
                    problems.Add($"{standIns.Name}.{method}: no member of {target.Name} has this shape");
                var callerInfo = method.GetParameters().SkipWhile(p => !IsCallerInfo(p)).ToList();
                if (callerInfo.Any(p => !IsCallerInfo(p) || !p.IsOptional))
                    problems.Add($"{standIns.Name}.{method}: the caller-info parameters must come last, optional");
                if (!callerInfo.Any(p => p.IsDefined(typeof(CallerLineNumberAttribute))))
                    problems.Add($"{standIns.Name}.{method}: no [CallerLineNumber] parameter for the rewriter to fill");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_member_of_the_target_has_a_stand_in_or_passes_through_for_a_stated_reason(Type target)
    {
        var standIns = StandInClasses().Single(c => TargetOf(c) == target);
        var offered = standIns.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .SelectMany(m => StandInShapes(m, target)).Select(s => s.Key).ToHashSet();
        var passing = PassThrough[target];
        var missing = RealMembers(target)
            .Where(m => !offered.Contains(m.Key) && !passing.ContainsKey(m.Key) && !passing.ContainsKey(m.Name) && !passing.ContainsKey("*"))
            .Select(m => m.Key)
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"{target.Name} members with neither a stand-in in {standIns.Name} nor a reason to pass through: {string.Join("; ", missing)}");

        foreach (var required in Required.GetValueOrDefault(target, []))
            Assert.True(offered.Any(k => k == required || k.StartsWith(required + "(", StringComparison.Ordinal)), $"{target.Name}.{required} needs a stand-in");
        var real = RealMembers(target).ToList();
        Assert.All(passing.Keys.Where(k => k != "*"), key => Assert.Contains(real, m => m.Key == key || m.Name == key));
        Assert.All(passing.Keys.Where(k => k != "*"), key => Assert.DoesNotContain(key, offered));
    }

    private readonly record struct Shape(string Name, string Key, bool IsStatic, string Result);

    /// <summary>Every public member of the type as the rewriter sees it: IL name (constructors as New), parameters, result.</summary>
    private static IEnumerable<Shape> RealMembers(Type target) =>
        target.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OfType<MethodBase>()
            .Select(m =>
            {
                var name = m is ConstructorInfo ? "New" : m.Name;
                var parameters = string.Join(",", m.GetParameters().Select(p => Canon(p.ParameterType, RealGeneric)));
                var result = m is MethodInfo method ? Canon(method.ReturnType, RealGeneric) : Canon(target, RealGeneric);
                return new Shape(name, $"{name}({parameters})", m.IsStatic || m is ConstructorInfo, result);
            });

    /// <summary>The real members a stand-in could stand for: as a static member (all its parameters) and, if its first is the target, as an instance one.</summary>
    private static IEnumerable<Shape> StandInShapes(MethodInfo method, Type target)
    {
        var typeArity = target.IsGenericTypeDefinition ? target.GetGenericArguments().Length : 0;
        var methodArity = method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0;
        if (methodArity < typeArity)
            yield break;
        string Generic(Type p) => p.GenericParameterPosition < typeArity ? $"!{p.GenericParameterPosition}" : $"!!{p.GenericParameterPosition - typeArity}";
        var parameters = method.GetParameters().Where(p => !IsCallerInfo(p)).Select(p => Canon(p.ParameterType, Generic)).ToList();
        var result = Canon(method.ReturnType, Generic);
        yield return new Shape(method.Name, $"{method.Name}({string.Join(",", parameters)})", true, result);
        var self = Canon(target, RealGeneric) + (target.IsValueType ? "&" : "");
        if (parameters.Count > 0 && parameters[0] == self)
            yield return new Shape(method.Name, $"{method.Name}({string.Join(",", parameters.Skip(1))})", false, result);
    }

    private static string RealGeneric(Type p) => p.DeclaringMethod is null ? $"!{p.GenericParameterPosition}" : $"!!{p.GenericParameterPosition}";

    /// <summary>A type's name with generic parameters by position: <c>!0</c> of the type, <c>!!0</c> of the method.</summary>
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
        parameter.IsDefined(typeof(CallerArgumentExpressionAttribute));
}
