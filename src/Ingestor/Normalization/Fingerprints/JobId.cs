using System.Security.Cryptography;
using System.Text;

namespace Ingestor.Normalization.Fingerprints;

/// <summary>The stable identity of a posting across polls: SHA-1 of "{provider}|{board}|{provider job key}".</summary>
public static class JobId
{
    public static string For(string provider, string boardToken, string providerJobKey) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{provider}|{boardToken}|{providerJobKey}")));
}
