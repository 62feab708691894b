using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestor.Serving.Access;

/// <summary>
/// Authenticates a request by the key in its <c>X-Api-Key</c> header (never the query string, which ends up in access logs):
/// its SHA-256 hash is compared with every configured hash in constant time. The key itself is never kept, logged or echoed.
/// A missing or wrong key is one and the same 401 problem, so an answer gives no hint which it was.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logging, UrlEncoder encoder, IOptions<ApiKeyOptions> keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logging, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The claim naming which configured key a request used (a prefix of its hash), the rate limit's partition.</summary>
    public const string KeyClaim = "api_key";

    private static readonly AuthenticateResult NoValidKey = AuthenticateResult.Fail("no valid API key");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented) || presented is not [{ Length: > 0 } key])
            return Task.FromResult(AuthenticateResult.NoResult());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? matched = null;
        foreach (var configured in keys.Value.ApiKeys)
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(configured)))
                matched = configured;
        if (matched is null)
            return Task.FromResult(NoValidKey);
        var identity = new ClaimsIdentity([new Claim(KeyClaim, matched[..12].ToLowerInvariant())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid API key is required",
                Detail = $"Send one of this server's API keys in the {Header} header.",
            },
        });
    }
}
