using System.Text.Json.Nodes;
using Ingestor.Normalization.Fingerprints;
using Ingestor.Normalization;
using Ingestor.Storage;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Pipeline;

/// <summary>
/// A posting missing from a complete list closes on evidence: its own job endpoint answering 404, or a second complete list
/// without it. A job whose endpoint still answers stays open, however often the list leaves it out.
/// </summary>
public sealed class CloseEvidenceTests(TestServers servers)
{
    private const long Backend = 4009193009, Inference = 4012000001, Advocate = 4012000002;

    private static string JobEndpoint(long id) => $"fal/jobs/{id}";

    private static string JobIdOf(long id) => JobId.For("greenhouse", "fal", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private sealed record ClosedEvent(string JobId, Guid PollId, string ClosedReason, string Evidence);

    private static async Task<IReadOnlyList<ClosedEvent>> ClosesAsync(TestIngestor ingestor) =>
        await ingestor.QueryAsync<ClosedEvent>(
            "select job_id, poll_id, closed_reason, evidence::text as evidence from job_events where event_type = 'closed' order by event_id");

    [Fact]
    public async Task AJobTheListDropsWhosePageStillAnswersStaysOpenPollAfterPoll()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        // The second list without the job differs from the first in another job, so it is read whole again, not recorded as unchanged.
        ingestor.Greenhouse.Script("fal",
            fal.Reply(), fal.Copy().Without(Advocate).Reply(), fal.Copy().Without(Advocate).Edit(Inference, job => job["title"] = "Inference Engineer").Reply());
        ingestor.Greenhouse.Script(JobEndpoint(Advocate), Reply.Json(fal.Job(Advocate).ToJsonString()));
        await ingestor.PollAsync("fal");

        var dropped = await ingestor.PollAsync("fal");
        var droppedAgain = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 0), (dropped.Outcome, dropped.Closed));
        Assert.Contains($"the list left out 1 active posting(s) whose own page still answers ({JobIdOf(Advocate)})", dropped.Error);
        Assert.Equal((PollOutcome.Partial, 0, 1), (droppedAgain.Outcome, droppedAgain.Closed, droppedAgain.Updated));
        Assert.Equal(2, ingestor.Greenhouse.Requests(JobEndpoint(Advocate)));
        Assert.Equal(3, await ingestor.ScalarAsync<int>("select count(*)::int from postings where status = 'active'"));
        Assert.Empty(await ClosesAsync(ingestor));
    }

    [Fact]
    public async Task TheSameListReserializedStillAsksThePageOfTheJobItLeavesOut()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        var without = fal.Copy().Without(Advocate);
        ingestor.Greenhouse.Script("fal", fal.Reply(), without.Reply(), without.Reserialized());
        ingestor.Greenhouse.Script(JobEndpoint(Advocate), Reply.Json(fal.Job(Advocate).ToJsonString()));
        await ingestor.PollAsync("fal");
        await ingestor.PollAsync("fal");

        var again = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Partial, 0), (again.Outcome, again.Closed));
        Assert.Equal(2, ingestor.Greenhouse.Requests(JobEndpoint(Advocate)));
    }

    [Fact]
    public async Task AJobWhosePageAnswers404ClosesOnItsFirstAbsenceWithTheAnswerAsEvidence()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Reply());
        await ingestor.PollAsync("fal");

        var dropped = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 1), (dropped.Outcome, dropped.Closed));
        var close = Assert.Single(await ClosesAsync(ingestor));
        Assert.Equal((JobIdOf(Advocate), dropped.PollId, "confirmed_gone"), (close.JobId, close.PollId, close.ClosedReason));
        var evidence = JsonNode.Parse(close.Evidence)!;
        Assert.Equal([dropped.PollId.ToString()], evidence["polls"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(404, (int)evidence["check"]!["status"]!);
        Assert.Equal("gone", (string?)evidence["check"]!["presence"]);
        Assert.EndsWith($"/v1/boards/fal/jobs/{Advocate}", (string?)evidence["check"]!["url"]);

        // What --show prints: the close with its reason and evidence.
        var shown = (await ingestor.Get<PostingRecords>().FindAsync(JobIdOf(Advocate), CancellationToken.None))!;
        var shownClose = shown["events"]!.AsArray().Single(e => (string?)e!["event_type"] == "closed")!;
        Assert.Equal("confirmed_gone", (string?)shownClose["closed_reason"]);
        Assert.Equal(404, (int)shownClose["evidence"]!["check"]!["status"]!);
    }

    [Fact]
    public async Task AJobWhosePageSettlesNothingClosesOnItsSecondAbsenceNamingBothPolls()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Reply());
        ingestor.Greenhouse.Script(JobEndpoint(Advocate), Reply.Error(403));
        await ingestor.PollAsync("fal");

        var first = await ingestor.PollAsync("fal");
        var pending = await ingestor.ScalarAsync<string>("select pending_closes::text from boards");
        var second = await ingestor.PollAsync("fal");

        Assert.Equal((PollOutcome.Succeeded, 0), (first.Outcome, first.Closed));
        Assert.Equal(JsonNode.Parse($$"""{"{{JobIdOf(Advocate)}}": "{{first.PollId}}"}"""), JsonNode.Parse(pending), JsonNode.DeepEquals);
        Assert.Equal((PollOutcome.Succeeded, 1), (second.Outcome, second.Closed));
        var close = Assert.Single(await ClosesAsync(ingestor));
        Assert.Equal((JobIdOf(Advocate), second.PollId, "absent_twice"), (close.JobId, close.PollId, close.ClosedReason));
        var evidence = JsonNode.Parse(close.Evidence)!;
        Assert.Equal([first.PollId.ToString(), second.PollId.ToString()], evidence["polls"]!.AsArray().Select(p => (string?)p));
        Assert.Equal((403, "unknown"), ((int)evidence["check"]!["status"]!, (string?)evidence["check"]!["presence"]));
        Assert.Equal("{}", await ingestor.ScalarAsync<string>("select pending_closes::text from boards"));
    }

    [Fact]
    public async Task APollAsksNoMoreJobPagesThanItsBudgetAndTheRestWaitForASecondAbsence()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers, settings: new Dictionary<string, string?> { ["Polling:CloseChecksPerPoll"] = "1" });
        var fal = BoardPayload.Of("fal");
        ingestor.Greenhouse.Script("fal", fal.Reply(), fal.Copy().Without(Advocate).Without(Inference).Reply());
        ingestor.Greenhouse.Script(JobEndpoint(Advocate), Reply.Error(404));
        ingestor.Greenhouse.Script(JobEndpoint(Inference), Reply.Error(404));
        await ingestor.PollAsync("fal");
        var (checkedFirst, waiting) = new[] { Advocate, Inference }.OrderBy(id => JobIdOf(id), StringComparer.Ordinal).ToArray() switch
        {
            [var a, var b] => (a, b),
            _ => throw new InvalidOperationException(),
        };

        var first = await ingestor.PollAsync("fal");
        var second = await ingestor.PollAsync("fal");

        Assert.Equal((1, 1), (first.Closed, second.Closed));
        Assert.Equal((1, 1), (ingestor.Greenhouse.Requests(JobEndpoint(checkedFirst)), ingestor.Greenhouse.Requests(JobEndpoint(waiting))));
        Assert.Equal(
            [(JobIdOf(checkedFirst), first.PollId, "confirmed_gone"), (JobIdOf(waiting), second.PollId, "confirmed_gone")],
            (await ClosesAsync(ingestor)).Select(c => (c.JobId, c.PollId, c.ClosedReason)));
        var evidence = JsonNode.Parse((await ClosesAsync(ingestor))[1].Evidence)!;
        Assert.Equal([first.PollId.ToString(), second.PollId.ToString()], evidence["polls"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("active", await ingestor.ScalarAsync<string>("select status from postings where job_id = @id", new { id = JobIdOf(Backend) }));
    }
}
