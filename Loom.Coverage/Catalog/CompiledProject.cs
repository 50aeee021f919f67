using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Loom.Coverage.Catalog;

/// <summary>A project's compilation, rebuilt in memory from its built assembly and portable PDB.</summary>
/// <param name="AssemblyPath">The built assembly.</param>
/// <param name="Compilation">The sources, compiled as the build compiled them (same defines and language version).</param>
/// <param name="UserFiles">The source files on disk, which are scanned; generated files only help binding.</param>
internal sealed record CompiledProject(string AssemblyPath, CSharpCompilation Compilation, IReadOnlySet<string> UserFiles);
