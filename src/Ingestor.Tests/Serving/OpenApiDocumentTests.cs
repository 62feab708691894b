using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Ingestor.Tests.Infrastructure;

namespace Ingestor.Tests.Serving;

/// <summary>
/// The OpenAPI document the read API generates from its endpoints, the copy committed at <c>openapi/v1.json</c> that makes
/// every change of the contract a visible diff, and the docs page that reads it.
/// </summary>
public sealed class OpenApiDocumentTests(TestServers servers)
{
    private const string RefreshVariable = "INGESTOR_WRITE_OPENAPI";
    private const string FalBackend = "/job-postings/v1/jobs/5d7bb08593f65e24f2b9df8aacb01cb3c3976d37";

    private static readonly string Committed = Path.Combine(RepositoryPaths.Root, "openapi", "v1.json");

    [Fact]
    public async Task TheServedDocumentIsOpenApi31AndDescribesEveryContractCall()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        Assert.StartsWith("3.1.", (string?)document["openapi"]);
        Assert.Null(document["servers"]);
        var paths = document["paths"]!.AsObject();
        Assert.All(
            new[]
            {
                "/job-postings/v1/jobs/{job_id}", "/job-postings/v1/jobs/{job_id}/events", "/job-postings/v1/orgs/{org_id}",
                "/job-postings/v1/sources/{source_id}", "/job-postings/v1/jobs", "/job-postings/v1/jobs/facets", "/job-postings/v1/events",
                "/healthz/live", "/healthz/ready",
            },
            path => Assert.Contains(path, paths.Select(p => p.Key)));
        // The HTML pages (/, /jobs, /jobs/{job_id}) are for people, not part of the contract.
        Assert.All(paths, path => Assert.Matches("^/(job-postings/v1|healthz)/", path.Key));
        Assert.Equal(paths.Select(path => path.Key).Order(StringComparer.Ordinal), paths.Select(path => path.Key));
        var getJob = paths["/job-postings/v1/jobs/{job_id}"]!["get"]!;
        Assert.Equal(["job_id", "include"], getJob["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Equal("#/components/schemas/JobRecord", (string?)getJob["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.All(new[] { "400", "401", "404", "429", "503" },
            status => Assert.Equal("#/components/schemas/ProblemDetails", (string?)getJob["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]));
        Assert.NotNull(getJob["responses"]!["429"]!["headers"]!["Retry-After"]);
        var key = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)key["type"], (string?)key["in"], (string?)key["name"]));
    }

    [Theory]
    [InlineData("/job-postings/v1/jobs", "listJobs", "JobPage")]
    [InlineData("/job-postings/v1/jobs/facets", "getJobFacets", "JobFacets")]
    [InlineData("/job-postings/v1/events", "listEvents", "FeedPage")]
    public async Task AListDescribesExactlyTheQueryParametersItTakes(string path, string operationId, string schema)
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var cancel = TestContext.Current.CancellationToken;

        var operation = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json", cancel))!["paths"]![path]!["get"]!;
        using var refused = await api.Client.GetAsync($"{path}?not_a_parameter=1", cancel);
        var detail = (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync(cancel))!["detail"];

        Assert.Equal(operationId, (string?)operation["operationId"]);
        Assert.Equal($"#/components/schemas/{schema}", (string?)operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/ProblemDetails", (string?)operation["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        var parameters = operation["parameters"]!.AsArray();
        Assert.All(parameters, parameter =>
        {
            Assert.Equal("query", (string?)parameter!["in"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]));
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(detail);
        var taken = detail[(detail.IndexOf("it takes ", StringComparison.Ordinal) + "it takes ".Length)..].TrimEnd('.').Split(", ");
        Assert.Equal(taken, parameters.Select(parameter => (string?)parameter!["name"]));
    }

    [Fact]
    public async Task TheListParametersCarryTheShapesTheirParsersAccept()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var paths = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!["paths"]!;
        JsonNode Schema(string path, string name) =>
            paths[path]!["get"]!["parameters"]!.AsArray().Single(parameter => (string?)parameter!["name"] == name)!["schema"]!;
        string[] Enum(string path, string name) => [.. Schema(path, name)["enum"]!.AsArray().Select(value => (string)value!)];

        Assert.Equal(("string", "uuid"), ((string?)Schema("/job-postings/v1/jobs", "org_id")["type"], (string?)Schema("/job-postings/v1/jobs", "org_id")["format"]));
        Assert.Equal(["active", "inactive"], Enum("/job-postings/v1/jobs/facets", "status"));
        Assert.Equal(["remote", "hybrid", "onsite"], Enum("/job-postings/v1/jobs", "workplace_type"));
        Assert.Equal(["ashby", "greenhouse", "lever", "smartrecruiters"], Enum("/job-postings/v1/jobs", "provider"));
        Assert.Equal(Enum("/job-postings/v1/jobs", "provider"), Enum("/job-postings/v1/events", "provider"));
        Assert.Equal(["opened", "updated", "closed", "reopened"], Enum("/job-postings/v1/events", "event_type"));
        Assert.Equal("boolean", (string?)Schema("/job-postings/v1/jobs", "is_remote")["type"]);
        Assert.Equal("number", (string?)Schema("/job-postings/v1/jobs", "salary_min_at_least")["type"]);
        Assert.Equal("date-time", (string?)Schema("/job-postings/v1/jobs/facets", "changed_since")["format"]);
        Assert.All(new[] { "/job-postings/v1/jobs", "/job-postings/v1/events" }, path =>
        {
            var limit = Schema(path, "limit");
            Assert.Equal(("integer", 1, 500, 50), ((string?)limit["type"], (int)limit["minimum"]!, (int)limit["maximum"]!, (int)limit["default"]!));
            Assert.Equal("string", (string?)Schema(path, "cursor")["type"]);
        });
    }

    [Fact]
    public async Task TheJobRecordSchemaNamesExactlyThePropertiesTheRecordIsServedWith()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        ingestor.Greenhouse.Script("fal", Reply.Board("fal"));
        await ingestor.PollAsync("fal");
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var cancel = TestContext.Current.CancellationToken;

        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json", cancel))!;
        var plain = JsonNode.Parse(await api.Client.GetStringAsync(FalBackend, cancel))!.AsObject();
        var described = JsonNode.Parse(await api.Client.GetStringAsync($"{FalBackend}?include=description", cancel))!.AsObject();

        var schemas = document["components"]!["schemas"]!;
        var record = schemas["JobRecord"]!;
        Assert.Equal(described.Select(field => field.Key), record["properties"]!.AsObject().Select(property => property.Key));
        // Every property is always there but the two ?include=description adds.
        Assert.Equal(plain.Select(field => field.Key), record["required"]!.AsArray().Select(name => (string?)name));
        Assert.Equal(
            plain["event_fields"]!.AsObject().Select(field => field.Key),
            schemas["JobRecordFingerprint"]!["properties"]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public async Task TheServedDocumentMatchesTheCommittedOne()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);

        var served = await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
            await File.WriteAllTextAsync(Committed, served, TestContext.Current.CancellationToken);
        var committed = File.Exists(Committed) ? await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken) : "";
        Assert.True(committed == served,
            $"The API's contract differs from {Committed} ({FirstDifference(committed, served)}). If the change is meant, refresh " +
            $"the committed document and commit it: {RefreshVariable}=1 dotnet test Ingestor.sln -c Release --filter \"FullyQualifiedName~OpenApiDocumentTests\"");
    }

    private static string FirstDifference(string committed, string served)
    {
        string[] before = committed.Split('\n'), after = served.Split('\n');
        var line = Enumerable.Range(0, Math.Min(before.Length, after.Length)).FirstOrDefault(i => before[i] != after[i], Math.Min(before.Length, after.Length));
        return $"first at line {line + 1}: committed {before.ElementAtOrDefault(line)?.Trim() ?? "(end)"}, served {after.ElementAtOrDefault(line)?.Trim() ?? "(end)"}";
    }

    [Fact]
    public async Task TheDocsPageLoadsEveryScriptFromTheApiItself()
    {
        await using var ingestor = await TestIngestor.StartAsync(servers);
        await using var api = await TestReadApi.StartAsync(ingestor.Settings);
        var cancel = TestContext.Current.CancellationToken;

        using var page = await api.Client.GetAsync("/docs", cancel);
        var html = await page.Content.ReadAsStringAsync(cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var pageUrl = page.RequestMessage!.RequestUri!;
        var scripts = new HtmlParser().ParseDocument(html).QuerySelectorAll("script[src], link[href]")
            .Select(element => new Uri(pageUrl, element.GetAttribute("src") ?? element.GetAttribute("href")))
            .ToList();
        Assert.NotEmpty(scripts);
        Assert.DoesNotContain("https://", html);
        foreach (var script in scripts)
        {
            Assert.Equal(api.Client.BaseAddress!.GetLeftPart(UriPartial.Authority), script.GetLeftPart(UriPartial.Authority));
            using var response = await api.Client.GetAsync(script, cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script} answered {response.StatusCode}");
        }
    }
}
