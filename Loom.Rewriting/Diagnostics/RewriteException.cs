using System;

namespace Loom.Rewriting;

/// <summary>A reason the rewriter cannot go on, with the error code the build reports it under.</summary>
internal sealed class RewriteException : Exception
{
    public RewriteException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>The <c>LOOMnnnn</c> code.</summary>
    public string Code { get; }
}
