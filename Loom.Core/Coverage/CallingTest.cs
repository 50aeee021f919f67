using System.Diagnostics;
using System.Reflection;

namespace Loom.Coverage.Recording;

/// <summary>
/// Names the test that called into Loom when no adapter said which test is running: the first method on the
/// stack outside Loom.Core, as <c>Namespace.Class.Method</c>.
/// </summary>
internal static class CallingTest
{
    public static string? FromStack()
    {
        var engine = typeof(CallingTest).Assembly;
        foreach (var frame in new StackTrace(1, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || type.Assembly == engine)
                continue;
            return Describe(type, method);
        }
        return null;
    }

    /// <summary>
    /// Undoes the compiler's renaming: a lambda <c>&lt;Test&gt;b__0_0</c> in the closure class <c>&lt;&gt;c</c>, or the
    /// <c>MoveNext</c> of an async method's state machine <c>&lt;Test&gt;d__3</c>, becomes the method the user wrote.
    /// </summary>
    private static string Describe(System.Type type, MethodBase method)
    {
        var name = method.Name;
        while (type.DeclaringType is { } outer && type.Name.StartsWith('<'))
        {
            if (OriginalName(type.Name) is { } stateMachineOf)
                name = stateMachineOf;
            type = outer;
        }
        if (OriginalName(name) is { } lambdaOf)
            name = lambdaOf;
        return $"{type.FullName?.Replace('+', '.')}.{name}";
    }

    private static string? OriginalName(string generated)
    {
        if (!generated.StartsWith('<'))
            return null;
        var end = generated.IndexOf('>', 1);
        return end > 1 ? generated[1..end] : null;
    }
}
