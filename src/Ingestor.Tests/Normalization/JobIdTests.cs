using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;

namespace Ingestor.Tests.Normalization;

public sealed class JobIdTests
{
    [Fact]
    public void TheFalPostingGetsTheJobIdOfTheOutputRecord() =>
        Assert.Equal("5d7bb08593f65e24f2b9df8aacb01cb3c3976d37", JobId.For("greenhouse", "fal", "4009193009"));

    [Fact]
    public void BoardsDoNotShareIdsForTheSameProviderKey() =>
        Assert.NotEqual(JobId.For("greenhouse", "fal", "1"), JobId.For("greenhouse", "stripe", "1"));
}
