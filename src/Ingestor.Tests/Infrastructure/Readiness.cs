using System.Net;

namespace Ingestor.Tests.Infrastructure;

public static class Readiness
{
    /// <summary>Waits until the process answers 200 on <c>/healthz/ready</c> at <paramref name="http"/>'s address, or fails the test.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient http, IngestorProcess process)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                using var ready = await http.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"{http.BaseAddress} never became ready. Output: {process.Output} Error: {process.Error}");
    }
}
