using System.Linq;
using Mono.Cecil;

namespace Loom.Rewriting.Interception;

/// <summary>
/// Loom.Core's <c>[RecordsUnseenCode]</c> class (Loom.Interception.UnseenCode): what rewritten code calls where it is
/// about to run code Loom does not see. Each method takes a text (the assembly, or the member), then the call site's
/// file and line.
/// </summary>
/// <param name="Called">Called before a call into an assembly that was not rewritten: <c>Called(string assembly, string file, int line)</c>.</param>
/// <param name="NotControlled">Called before a call left as written: <c>NotControlled(string member, string file, int line)</c>.</param>
internal sealed record UnseenCodeRecorder(MethodDefinition Called, MethodDefinition NotControlled)
{
    private const string AttributeName = "Loom.Interception.RecordsUnseenCodeAttribute";

    /// <summary>
    /// The recorder <paramref name="type"/> declares, or <see langword="null"/> if it is not one; a class marked as one
    /// without both methods in that shape is a Loom.Core this rewriter cannot use.
    /// </summary>
    /// <exception cref="RewriteException">The class is marked but its methods do not have the shape.</exception>
    public static UnseenCodeRecorder? Of(TypeDefinition type)
    {
        if (!type.CustomAttributes.Any(a => a.AttributeType.FullName == AttributeName))
            return null;
        return new UnseenCodeRecorder(Method(type, "Called"), Method(type, "NotControlled"));
    }

    private static MethodDefinition Method(TypeDefinition type, string name) =>
        type.Methods.FirstOrDefault(m => m.IsStatic && m.IsPublic && m.Name == name && m.ReturnType.MetadataType == MetadataType.Void
            && m.Parameters.Select(p => p.ParameterType.MetadataType).SequenceEqual([MetadataType.String, MetadataType.String, MetadataType.Int32]))
        ?? throw new RewriteException(RewriteErrors.StandInsUnreadable,
            $"{type.FullName} is marked [RecordsUnseenCode] without a public static void {name}(string, string, int).");
}
