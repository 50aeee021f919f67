namespace Loom.Rewriting.Interception;

/// <summary>What the rewriter passes for a stand-in's trailing caller-info parameter.</summary>
internal enum CallerInfoKind
{
    /// <summary>The call site's source file, from its sequence point; <see langword="null"/> without symbols.</summary>
    FilePath,

    /// <summary>The call site's source line, from its sequence point; 0 without symbols.</summary>
    LineNumber,

    /// <summary>The name of the field, local or parameter a <c>ref</c> argument points at, where the IL shows it.</summary>
    ArgumentExpression,

    /// <summary>The name of the calling method.</summary>
    MemberName,
}
