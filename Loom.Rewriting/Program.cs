using System;
using System.IO;
using System.Linq;
using Loom.Rewriting;
using Loom.Rewriting.Driver;

// The rewriter's entry point: Loom.Rewriting @request.txt (docs/rewriting.md). Everything it reports reaches the
// build as canonical MSBuild messages on standard output; it never ends without saying why.
var log = new BuildLog(Console.Out);
try
{
    if (args.Length != 1 || !args[0].StartsWith('@'))
        throw new RewriteException(RewriteErrors.BadArguments, "usage: Loom.Rewriting @request-file (the build files write it; see docs/rewriting.md).");
    var request = RewriteRequest.Parse(File.ReadAllLines(args[0][1..]));
    return RewriteRun.Execute(request, log);
}
catch (RewriteException e)
{
    log.Error("Loom.Rewriting", e.Code, e.Message);
    return 1;
}
catch (Exception e)
{
    log.Error("Loom.Rewriting", RewriteErrors.Internal,
        $"the rewriter failed unexpectedly: {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}. Set <LoomRewrite>false</LoomRewrite> to build without it, and report this.");
    return 1;
}
