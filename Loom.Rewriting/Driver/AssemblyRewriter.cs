using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Loom.Rewriting.Interception;
using Loom.Rewriting.Passes;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Loom.Rewriting.Driver;

/// <summary>
/// Rewrites one assembly: reads it with its symbols, runs every pass over every method body that calls an
/// intercepted type, accesses a field or an array element, calls an assembly Loom does not see, or can recurse, and writes the new assembly with a portable PDB that matches the new IL (the sequence points
/// stay on the original instructions, so traces and coverage show the original lines). The strong-name identity
/// (the public key) is kept; the signature, no longer valid, is not claimed (.NET does not verify it). A
/// ReadyToRun image loses its native code and keeps its IL, which the runtime then compiles as usual.
/// </summary>
internal sealed class AssemblyRewriter
{
    private readonly InterceptionTable _table;
    private readonly Pass[] _passes;
    private readonly UnseenCallPass _unseen;
    private readonly StackGuardPass _stackGuard;

    /// <param name="table">The stand-ins.</param>
    /// <param name="unseen">The names of the assemblies of the output Loom does not see (RewriteRun finds them), whose calls are marked.</param>
    public AssemblyRewriter(InterceptionTable table, IEnumerable<string>? unseen = null)
    {
        _table = table;
        _unseen = new UnseenCallPass(table, unseen ?? []);
        _stackGuard = new StackGuardPass(table);
        // The fields pass runs after the call passes, which name a call's ref argument from the ldflda before it; the
        // stack guard goes in front of everything the others left.
        _passes = [new SynchronizationPass(table), new TasksAndTimersPass(table), new TimeAndRandomnessPass(table), new CollectionsPass(table), new ConcurrentTypesPass(table), _unseen, new FieldsPass(table), _stackGuard];
    }

    /// <summary>The passes, in the order they run.</summary>
    public Pass[] Passes => _passes;

    /// <summary>
    /// Rewrites <paramref name="source"/> into <paramref name="destination"/> (and its PDB beside it, if the source
    /// has symbols). Writes nothing when no site needed rewriting.
    /// </summary>
    /// <exception cref="RewriteException">The assembly cannot be read, rewritten or written.</exception>
    public RewriteReport Rewrite(string source, string destination, IAssemblyResolver resolver)
    {
        using var module = Read(source, resolver, out var symbols);
        // ReadyToRun images are marked IL library and not IL-only; C++/CLI mixed-mode images are neither.
        var readyToRun = (module.Attributes & ModuleAttributes.ILLibrary) != 0;
        if ((module.Attributes & ModuleAttributes.ILOnly) == 0 && !readyToRun)
        {
            throw new RewriteException(RewriteErrors.MixedMode,
                "it holds native code besides IL (a C++/CLI mixed-mode assembly), which the rewriter cannot keep. Leave it out of LoomRewriteAssembly.");
        }
        var report = new RewriteReport();
        var changed = false;
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods)
            {
                if (!method.HasBody || !(CallsATarget(method) || FieldsPass.Touches(method.Body) || _stackGuard.Guards(method)))
                    continue;
                changed |= RewriteMethod(method, report);
            }
        }
        if (!changed)
            return report;

        // ReadyToRun native code was compiled from the old IL: the writer emits IL only, so the image says so.
        module.Attributes &= ~(ModuleAttributes.ILLibrary | ModuleAttributes.StrongNameSigned);
        module.Attributes |= ModuleAttributes.ILOnly;
        if (readyToRun)
        {
            // Its machine type is the native code's, xor-ed with an OS tag on Linux and macOS; IL alone is any CPU.
            module.Architecture = TargetArchitecture.I386;
            module.Attributes &= ~(ModuleAttributes.Required32Bit | ModuleAttributes.Preferred32Bit);
        }
        Write(module, destination, symbols);
        return report;
    }

    private bool RewriteMethod(MethodDefinition method, RewriteReport report)
    {
        try
        {
            var body = method.Body;
            body.SimplifyMacros();
            var rewrite = new MethodRewrite(method, report);
            foreach (var pass in _passes)
                pass.Rewrite(rewrite);
            body.OptimizeMacros();
            return rewrite.Changed;
        }
        catch (Exception e) when (e is not RewriteException)
        {
            throw new RewriteException(RewriteErrors.MethodFailed, $"the method {method.FullName} could not be rewritten: {e.Message}", e);
        }
    }

    private bool CallsATarget(MethodDefinition method) =>
        method.Body.Instructions.Any(i => i.Operand is MethodReference called
            && (_table.IsTarget((called.DeclaringType is GenericInstanceType g ? g.ElementType : called.DeclaringType).FullName)
                || _unseen.UnseenAssemblyOf(called) is not null));

    private static ModuleDefinition Read(string source, IAssemblyResolver resolver, out SymbolKind symbols)
    {
        try
        {
            var module = ModuleDefinition.ReadModule(source, new ReaderParameters
            {
                AssemblyResolver = resolver,
                InMemory = true,
                ReadSymbols = true,
                SymbolReaderProvider = new DefaultSymbolReaderProvider(throwIfNoSymbol: false),
            });
            symbols = !module.HasSymbols ? SymbolKind.None
                : module.GetDebugHeader().Entries.Any(e => e.Directory.Type == ImageDebugType.EmbeddedPortablePdb) ? SymbolKind.Embedded
                : SymbolKind.File;
            return module;
        }
        catch (BadImageFormatException e)
        {
            throw new RewriteException(RewriteErrors.Unreadable, $"it is not a .NET assembly the rewriter can read ({e.Message}).", e);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IOException or SymbolsNotMatchingException)
        {
            throw new RewriteException(RewriteErrors.Unreadable, $"it (or its symbols) could not be read: {e.Message}", e);
        }
    }

    private static void Write(ModuleDefinition module, string destination, SymbolKind symbols)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
            module.Write(destination, new WriterParameters
            {
                DeterministicMvid = true,
                WriteSymbols = symbols != SymbolKind.None,
                SymbolWriterProvider = symbols switch
                {
                    SymbolKind.Embedded => new EmbeddedPortablePdbWriterProvider(),
                    SymbolKind.File => new PortablePdbWriterProvider(),
                    _ => null,
                },
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new RewriteException(RewriteErrors.Unwritable, $"the rewritten assembly could not be written to {destination}: {e.Message}", e);
        }
    }

    private enum SymbolKind
    {
        None,
        File,
        Embedded,
    }
}
