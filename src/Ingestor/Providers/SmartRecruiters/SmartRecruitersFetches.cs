using System.Net;

namespace Ingestor.Providers.SmartRecruiters;

/// <summary>What one list request of a poll came back with; no <see cref="Status"/> when no response came (a timeout).</summary>
public sealed record ListPageFetch(int Offset, HttpStatusCode? Status, byte[] Body);

/// <summary>What one detail request of a poll came back with; no <see cref="Status"/> when no response came (a timeout).</summary>
public sealed record DetailFetch(string Id, HttpStatusCode? Status, byte[] Body);
