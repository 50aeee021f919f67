using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Loom.Coverage.Catalog;

/// <summary>
/// Decides, from the symbol a piece of code binds to, whether it is a site and of which category. A
/// <c>Loom.Threading</c> type counts exactly as the <c>System.Threading</c> type it mirrors, so code counts the same
/// whichever namespace a build constant switches it to.
/// </summary>
internal static class SiteRules
{
    private const string LoomThreading = "Loom.Threading";

    /// <summary>Members that never touch shared state, time or the outside world, on any type.</summary>
    private static readonly HashSet<string> Inert = new(StringComparer.Ordinal)
    {
        "Dispose", "DisposeAsync", "Close", "ToString", "GetHashCode", "Equals", "GetType", "GetLifetimeService", "InitializeLifetimeService",
    };

    /// <summary>Types whose every method (not constructor, not property) is a site of the category.</summary>
    private static readonly Dictionary<string, SiteCategory> MethodsOf = new(StringComparer.Ordinal)
    {
        ["System.Threading.Interlocked"] = SiteCategory.Atomic,
        ["System.Threading.Volatile"] = SiteCategory.Atomic,

        ["System.Threading.Monitor"] = SiteCategory.Sync,
        ["System.Threading.Lock"] = SiteCategory.Sync,
        ["System.Threading.SemaphoreSlim"] = SiteCategory.Sync,
        ["System.Threading.Semaphore"] = SiteCategory.Sync,
        ["System.Threading.Mutex"] = SiteCategory.Sync,
        ["System.Threading.WaitHandle"] = SiteCategory.Sync,
        ["System.Threading.EventWaitHandle"] = SiteCategory.Sync,
        ["System.Threading.ManualResetEvent"] = SiteCategory.Sync,
        ["System.Threading.AutoResetEvent"] = SiteCategory.Sync,
        ["System.Threading.ManualResetEventSlim"] = SiteCategory.Sync,
        ["System.Threading.CountdownEvent"] = SiteCategory.Sync,
        ["System.Threading.Barrier"] = SiteCategory.Sync,
        ["System.Threading.ReaderWriterLock"] = SiteCategory.Sync,
        ["System.Threading.ReaderWriterLockSlim"] = SiteCategory.Sync,
        ["System.Threading.SpinLock"] = SiteCategory.Sync,

        ["System.Diagnostics.Stopwatch"] = SiteCategory.Time,
        ["System.TimeProvider"] = SiteCategory.Time,
        ["System.Threading.PeriodicTimer"] = SiteCategory.Time,

        ["System.Security.Cryptography.RandomNumberGenerator"] = SiteCategory.Random,

        ["System.Net.Sockets.Socket"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.TcpClient"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.TcpListener"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.UdpClient"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.NetworkStream"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.SocketTaskExtensions"] = SiteCategory.NetworkIO,
        ["System.Net.Http.HttpClient"] = SiteCategory.NetworkIO,
        ["System.Net.Http.HttpMessageInvoker"] = SiteCategory.NetworkIO,
        ["System.Net.Http.HttpMessageHandler"] = SiteCategory.NetworkIO,
        ["System.Net.Dns"] = SiteCategory.NetworkIO,
        ["System.Net.WebSockets.WebSocket"] = SiteCategory.NetworkIO,
        ["System.Net.WebSockets.ClientWebSocket"] = SiteCategory.NetworkIO,
        ["System.Net.Security.SslStream"] = SiteCategory.NetworkIO,
        ["System.Net.Quic.QuicConnection"] = SiteCategory.NetworkIO,
        ["System.Net.Quic.QuicListener"] = SiteCategory.NetworkIO,
        ["System.Net.Quic.QuicStream"] = SiteCategory.NetworkIO,
        ["System.Net.WebRequest"] = SiteCategory.NetworkIO,
        ["System.Net.WebClient"] = SiteCategory.NetworkIO,

        ["System.IO.File"] = SiteCategory.FileIO,
        ["System.IO.Directory"] = SiteCategory.FileIO,
        ["System.IO.FileInfo"] = SiteCategory.FileIO,
        ["System.IO.DirectoryInfo"] = SiteCategory.FileIO,
        ["System.IO.FileSystemInfo"] = SiteCategory.FileIO,
        ["System.IO.FileStream"] = SiteCategory.FileIO,
        ["System.IO.RandomAccess"] = SiteCategory.FileIO,
    };

    /// <summary>Single members that are sites: properties that read a clock or a shared generator, and a few methods.</summary>
    private static readonly Dictionary<(string Type, string Member), SiteCategory> Members = new()
    {
        [("System.Threading.Thread", "MemoryBarrier")] = SiteCategory.Atomic,
        [("System.Threading.Thread", "VolatileRead")] = SiteCategory.Atomic,
        [("System.Threading.Thread", "VolatileWrite")] = SiteCategory.Atomic,
        [("System.Threading.Thread", "Sleep")] = SiteCategory.Time,

        [("System.DateTime", "Now")] = SiteCategory.Time,
        [("System.DateTime", "UtcNow")] = SiteCategory.Time,
        [("System.DateTime", "Today")] = SiteCategory.Time,
        [("System.DateTimeOffset", "Now")] = SiteCategory.Time,
        [("System.DateTimeOffset", "UtcNow")] = SiteCategory.Time,
        [("System.Environment", "TickCount")] = SiteCategory.Time,
        [("System.Environment", "TickCount64")] = SiteCategory.Time,
        [("System.Threading.Tasks.Task", "Delay")] = SiteCategory.Time,
        [("System.Threading.Timer", "Change")] = SiteCategory.Time,
        [("System.Timers.Timer", "Start")] = SiteCategory.Time,
        [("System.Threading.CancellationTokenSource", "CancelAfter")] = SiteCategory.Time,

        [("System.Random", "Shared")] = SiteCategory.Random,
        [("System.Guid", "NewGuid")] = SiteCategory.Random,
        [("System.Guid", "CreateVersion7")] = SiteCategory.Random,
    };

    /// <summary>Types whose construction is a site: a timer starts ticking, a generator takes its seed, a file opens.</summary>
    private static readonly Dictionary<string, SiteCategory> Constructors = new(StringComparer.Ordinal)
    {
        ["System.Threading.Timer"] = SiteCategory.Time,
        ["System.Timers.Timer"] = SiteCategory.Time,
        ["System.Threading.PeriodicTimer"] = SiteCategory.Time,
        ["System.Random"] = SiteCategory.Random,
        ["System.IO.FileStream"] = SiteCategory.FileIO,
        ["System.Net.Sockets.TcpClient"] = SiteCategory.NetworkIO,
        ["System.Net.Sockets.UdpClient"] = SiteCategory.NetworkIO,
    };

    /// <summary>
    /// Classifies a symbol that code binds to. Returns <see langword="false"/> for anything that is not a site.
    /// </summary>
    /// <param name="symbol">A method (invoked or constructed), property or field.</param>
    /// <param name="category">The site's category.</param>
    /// <param name="api">How the report names it, for example <c>Interlocked.Increment</c> or <c>DateTime.UtcNow</c>.</param>
    /// <param name="receiver">
    /// The static type of the instance an instance member is called on, if known. C# binds a call to the virtual
    /// member that an override overrides (<c>Stream.Read</c> for a <c>NetworkStream</c>), so the receiver decides.
    /// </param>
    public static bool TryClassify(ISymbol symbol, out SiteCategory category, out string api, ITypeSymbol? receiver = null)
    {
        category = default;
        api = "";
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
            symbol = extension;
        if (symbol is IFieldSymbol { IsVolatile: true } field)
        {
            category = SiteCategory.Atomic;
            api = $"volatile {field.ContainingType.Name}.{field.Name}";
            return true;
        }
        if (symbol.ContainingType is not { } type || Inert.Contains(symbol.Name))
            return false;

        var method = symbol as IMethodSymbol;
        var isConstructor = method?.MethodKind is MethodKind.Constructor;
        var isMethod = method?.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension;
        var start = !symbol.IsStatic && receiver is INamedTypeSymbol named && !isConstructor ? named : type;
        for (var current = start; current is not null; current = current.BaseType)
        {
            var typeName = MirroredName(current);
            if (typeName is null)
                continue;
            var shown = $"{current.Name}.{(isConstructor ? "ctor" : symbol.Name)}";
            if (isConstructor)
            {
                if (Constructors.TryGetValue(typeName, out category) || IsTimedCancellationSource(typeName, method!))
                {
                    category = IsTimedCancellationSource(typeName, method!) ? SiteCategory.Time : category;
                    api = $"new {current.Name}";
                    return true;
                }
                if (typeName is "System.IO.StreamReader" or "System.IO.StreamWriter" && TakesPath(method!))
                {
                    category = SiteCategory.FileIO;
                    api = $"new {current.Name}(path)";
                    return true;
                }
                return false;
            }
            if (Members.TryGetValue((typeName, symbol.Name), out category))
            {
                api = shown;
                return true;
            }
            if (isMethod && MethodsOf.TryGetValue(typeName, out category))
            {
                api = shown;
                return true;
            }
            if (typeName == "System.Random" && isMethod)
            {
                category = SiteCategory.Random;
                api = shown;
                return true;
            }
            if (current.ContainingNamespace?.ToDisplayString() == LoomThreading && current.Name.StartsWith("Atomic", StringComparison.Ordinal) && (isMethod || symbol is IPropertySymbol))
            {
                category = SiteCategory.Atomic;
                api = shown;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The type's full name, with <c>Loom.Threading</c> read as <c>System.Threading</c>: the mirror has the same
    /// members, and its calls are sites for the same reason.
    /// </summary>
    private static string? MirroredName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        if (ns is null)
            return null;
        if (ns == LoomThreading)
            ns = "System.Threading";
        return ns.Length == 0 ? type.MetadataName : $"{ns}.{type.MetadataName}";
    }

    private static bool IsTimedCancellationSource(string typeName, IMethodSymbol constructor) =>
        typeName == "System.Threading.CancellationTokenSource" && constructor.Parameters.Length > 0 &&
        constructor.Parameters[0].Type.SpecialType is SpecialType.System_Int32 or SpecialType.None;

    private static bool TakesPath(IMethodSymbol constructor) =>
        constructor.Parameters.Length > 0 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String;
}
