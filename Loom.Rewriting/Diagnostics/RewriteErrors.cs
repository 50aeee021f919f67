namespace Loom.Rewriting;

/// <summary>The rewriter's error codes (docs/rewriting.md, "Errors"); each names the assembly and the reason.</summary>
internal static class RewriteErrors
{
    /// <summary>The rewriter failed in a way it has no better code for (a bug of ours: the message says what broke).</summary>
    public const string Internal = "LOOM1000";

    /// <summary>An assembly to rewrite could not be read as a .NET assembly.</summary>
    public const string Unreadable = "LOOM1001";

    /// <summary>The rewritten assembly or its symbols could not be written.</summary>
    public const string Unwritable = "LOOM1002";

    /// <summary>A <c>LoomRewriteAssembly</c> names an assembly that is not in the test project's output.</summary>
    public const string NamedAssemblyMissing = "LOOM1003";

    /// <summary>A <c>LoomRewriteAssembly</c> names an assembly Loom never rewrites (the framework, a test framework, Loom).</summary>
    public const string NeverRewritten = "LOOM1004";

    /// <summary>Loom.Core's stand-ins could not be read (a missing or foreign Loom.Core).</summary>
    public const string StandInsUnreadable = "LOOM1005";

    /// <summary>The assembly holds native code besides IL that cannot be dropped (C++/CLI mixed mode).</summary>
    public const string MixedMode = "LOOM1006";

    /// <summary>A method body could not be rewritten.</summary>
    public const string MethodFailed = "LOOM1007";

    /// <summary>The rewriter was called with arguments it does not understand.</summary>
    public const string BadArguments = "LOOM1008";
}
