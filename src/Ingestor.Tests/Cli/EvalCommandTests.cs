using Ingestor.Cli;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Cli;

public sealed class EvalCommandTests
{
    [Fact]
    public void PostingsOfAnyProviderAreScoredFieldByFieldAsAPollWouldReadThem()
    {
        var output = new StringWriter();

        var exitCode = EvalCommand.Run(
            "postings", Path.Combine(RepositoryPaths.Root, "src/Ingestor.Tests/Providers/Lever/Eval/postings.lever.jsonl"), Program.CreateBuilder, output);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"salary_period\s+20/20\s+1\.000", output.ToString());
        Assert.Contains("cases: 20/20 right", output.ToString());
    }
}
