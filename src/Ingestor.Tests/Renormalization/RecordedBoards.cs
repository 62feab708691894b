using Ingestor.Tests.Infrastructure;
using Ingestor.Tests.Providers.SmartRecruiters;

namespace Ingestor.Tests.Renormalization;

/// <summary>A recorded board of each provider, scripted on the fake board server and polled once.</summary>
internal static class RecordedBoards
{
    public const string Greenhouse = "airbnb";
    public const string Ashby = "ashby:linear";
    public const string Lever = "lever:plaid";
    public const string SmartRecruiters = "smartrecruiters:" + AcmeSyntheticBoard.Company;

    public static readonly string[] All = [Greenhouse, Ashby, Lever, SmartRecruiters];

    public static async Task PollAsync(TestIngestor ingestor, params string[] boards)
    {
        foreach (var board in boards)
        {
            Script(ingestor, board);
            await ingestor.PollAsync(board);
        }
    }

    private static void Script(TestIngestor ingestor, string board)
    {
        switch (board)
        {
            case Greenhouse:
                ingestor.Greenhouse.Script(board, Reply.Board(board));
                break;
            case Ashby:
                ingestor.Greenhouse.Script(board, Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("ashby/posting-api/job-board/linear.json"))));
                break;
            case Lever:
                ingestor.Greenhouse.Script(board, Reply.Json(File.ReadAllBytes(RepositoryPaths.Samples("lever/v0/postings/plaid.json"))));
                break;
            case SmartRecruiters:
                foreach (var offset in AcmeSyntheticBoard.Offsets)
                    ingestor.Greenhouse.Script($"{board}?offset={offset}", Reply.Json(AcmeSyntheticBoard.Page(offset)));
                foreach (var id in AcmeSyntheticBoard.Ids)
                    ingestor.Greenhouse.Script($"{board}/{id}", Reply.Json(AcmeSyntheticBoard.Detail(id)));
                break;
            default:
                throw new ArgumentException($"no recording of {board}");
        }
    }
}
