using System;
using System.IO;
using System.Linq;
using Loom.Rewriting;
using Loom.Rewriting.Driver;

// The rewriter's entry point: Loom.Rewriting @request.txt (docs/rewriting.md). Everything it reports reaches the
// build as canonical MSBuild messages on standard output; it never ends without saying why. It exits with 0, or
// with ErrorsReported after writing its errors: the build files treat any other code (the host could not start
// it, the process crashed) as an error of its own.
var log = new BuildLog(Console.Out);
try
{
    if (args.Length != 1 || !args[0].StartsWith('@'))
        throw new RewriteException(RewriteErrors.BadArguments, "usage: Loom.Rewriting @request-file (the build files write it; see docs/rewriting.md).");
    var request = RewriteRequest.Parse(File.ReadAllLines(args[0][1..]));
    return RewriteRun.Execute(request, log) == 0 ? 0 : RewriteRun.ErrorsReported;
}
catch (RewriteException e)
{
    log.Error("Loom.Rewriting", e.Code, e.Message);
    return RewriteRun.ErrorsReported;
}
catch (Exception e)
{
    log.Error("Loom.Rewriting", RewriteErrors.Internal,
        $"the rewriter failed unexpectedly: {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}. Set <LoomRewrite>false</LoomRewrite> to build without it, and report this.");
    return RewriteRun.ErrorsReported;
}
