using System.Net;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>Optional API keys: off by default; when configured, every data route wants one in <c>X-Api-Key</c>.</summary>
public sealed class ApiKeyTests(TestServers servers)
{
    private const string FalBackend = "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";
    private const string Key = "ingestor-test-key-7f3a91c2";

    [Fact]
    public async Task WithoutKeysConfiguredNoRequestNeedsOne()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        using var bare = await ApiKeys.GetAsync(api.Client, FalBackend);
        using var withSomeKey = await ApiKeys.GetAsync(api.Client, FalBackend, "a key this server never heard of");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bare.StatusCode, withSomeKey.StatusCode));
    }

    [Fact]
    public async Task WithKeysConfiguredAMissingOrWrongKeyIsTheSame401AndAConfiguredKeyReads()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        var settings = ApiKeys.Requiring(ingestor.Settings, "another client's key", Key);
        // Hexadecimal either way round is the same hash.
        settings["ReadApi:ApiKeys:1"] = settings["ReadApi:ApiKeys:1"]!.ToUpperInvariant();
        await using var api = await TestReadApi.StartAsync(settings);

        using var missing = await ApiKeys.GetAsync(api.Client, FalBackend);
        using var wrong = await ApiKeys.GetAsync(api.Client, FalBackend, Key + "x");
        using var inQuery = await ApiKeys.GetAsync(api.Client, $"{FalBackend}?api_key={Key}");
        using var right = await ApiKeys.GetAsync(api.Client, FalBackend, Key);

        var refusal = await ApiKeys.RefusalAsync(missing);
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.Status);
        Assert.Equal(refusal, await ApiKeys.RefusalAsync(wrong));
        Assert.Equal(refusal, await ApiKeys.RefusalAsync(inQuery));
        Assert.All(new[] { missing, wrong, inQuery }, response => Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString()));
        Assert.DoesNotContain(Key, await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Senior Software Engineer, Backend", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WithKeysConfiguredProbesTheDocumentAndTheDocsNeedNoneWhileEveryOtherRouteDoes()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ApiKeys.Requiring(ingestor.Settings, Key));

        foreach (var open in new[] { "/healthz/live", "/healthz/ready", "/openapi/v1.json", "/docs", "/docs/scalar.js" })
        {
            using var response = await ApiKeys.GetAsync(api.Client, open);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{open} answered {response.StatusCode}");
        }
        // Routes that say nothing about access, mapped or not, are covered by default.
        foreach (var closed in new[] { "/job-postings/v1/orgs/144222fa-e13c-4bb3-be7f-89ec0ca39bac", "/job-postings/v1/no-such-route", "/" })
        {
            using var response = await ApiKeys.GetAsync(api.Client, closed);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{closed} answered {response.StatusCode}");
        }
    }
}
