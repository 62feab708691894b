using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingestor.Tests.Serving;

/// <summary>Keys and their configured hashes for the access tests, and what a refusal must look like.</summary>
internal static class ApiKeys
{
    /// <summary>The setting's value for a key, as <c>printf %s "$KEY" | sha256sum</c> prints it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static Dictionary<string, string?> Requiring(IReadOnlyDictionary<string, string?> settings, params string[] keys)
    {
        var withKeys = new Dictionary<string, string?>(settings);
        for (var i = 0; i < keys.Length; i++)
            withKeys[$"ReadApi:ApiKeys:{i}"] = Hash(keys[i]);
        return withKeys;
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The refusal's problem details: its status, title and detail.</summary>
    public static async Task<(HttpStatusCode Status, string? Title, string? Detail)> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal((int)response.StatusCode, (int)problem["status"]!);
        return (response.StatusCode, (string?)problem["title"], (string?)problem["detail"]);
    }
}
