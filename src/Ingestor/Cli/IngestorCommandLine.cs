using System.CommandLine;
using Ingestor.Serving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ingestor.Cli;

/// <summary>
/// Chooses what the service does this time: run the schedule (no arguments), serve the read API, poll once, register or list
/// boards, show a posting, migrate, prune old polls, or evaluate the parsers. Every mode builds the same host; errors end in one clear line, not a stack trace.
/// </summary>
public static class IngestorCommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageOrConfigurationError = 2;

    /// <summary>
    /// How long a stop request (SIGTERM, Ctrl+C) may take before the process exits regardless: the polls in flight finish or
    /// roll back within it. System.CommandLine's own default is two seconds, which would cut them short; this stays under the
    /// worker's <c>terminationGracePeriodSeconds</c> (120 in deploy/deployment.yaml), after which Kubernetes kills it.
    /// </summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(110);

    public static Task<int> InvokeAsync(string[] args, Func<HostApplicationBuilder> createBuilder)
    {
        var once = new Option<bool>("--once") { Description = "Poll the enabled boards (or those named with --board) once, print a summary and exit" };
        var board = new Option<string[]>("--board") { Description = "A board to poll with --once (repeatable): provider:token (ashby:lambda) or a bare Greenhouse token; new boards are registered", HelpName = "BOARD" };
        var renormalize = new Option<bool>("--renormalize") { Description = "Re-derive the parsed fields of every stored posting (or of the boards named with --board) with this build's parsers, without events, and exit" };
        var replay = new Option<bool>("--replay") { Description = "Rebuild the one board named with --board from its archived payloads, into an empty database, and exit" };
        var since = new Option<DateOnly?>("--since") { Description = "With --replay: start from this day's archive partition (yyyy-MM-dd, UTC)", HelpName = "DATE" };
        var addBoards = new Option<string?>("--add-boards")
        {
            Description = "Register the boards listed in FILE (one a line, provider:token or a bare Greenhouse token, # comments; - reads standard input) and exit",
            HelpName = "FILE",
        };
        var boards = new Option<bool>("--boards") { Description = "List every board with its health and exit" };
        var show = new Option<string?>("--show") { Description = "Print one posting as a complete record: facts, parsed fields, native object, events", HelpName = "JOB_ID" };
        var serve = new Option<bool>("--serve") { Description = $"Serve the read API (no polling) at --urls, ASPNETCORE_URLS or Urls; {ReadApiApplication.DefaultUrl} when none is set" };
        var urls = new Option<string?>("--urls") { Description = "Where --serve listens, ASP.NET Core's way: one or more URLs separated by ';'", HelpName = "URLS" };
        var migrate = new Option<bool>("--migrate") { Description = "Apply database migrations and exit" };
        var prunePolls = new Option<bool>("--prune-polls") { Description = "Delete the polls older than Retention:Polls (30 days) that nothing names, as the service does every hour, and exit" };
        var eval = new Option<string[]>("--eval")
        {
            Description = "Score a parser on a labeled JSONL set: --eval locations FILE, --eval salaries FILE or --eval postings FILE",
            HelpName = "KIND FILE",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };

        var root = new RootCommand("Ingestor polls job boards, archives every payload and records each posting's history in PostgreSQL.")
        {
            once, board, addBoards, boards, show, serve, urls, migrate, prunePolls, eval,
            renormalize, replay, since,
        };
        root.Validators.Add(result =>
        {
            var modes = new[]
            {
                result.GetValue(once), result.GetValue(addBoards) is not null, result.GetValue(boards), result.GetValue(show) is not null,
                result.GetValue(serve), result.GetValue(migrate), result.GetValue(prunePolls), result.GetValue(eval) is { Length: > 0 },
                result.GetValue(renormalize), result.GetValue(replay),
            };
            if (modes.Count(m => m) > 1)
                result.AddError("choose one of --once, --add-boards, --boards, --show, --serve, --migrate, --prune-polls, --eval, --renormalize, --replay");
            if (result.GetValue(urls) is not null && !result.GetValue(serve))
                result.AddError("--urls goes with --serve");
            if (result.GetValue(board) is { Length: > 0 } && !result.GetValue(once) && !result.GetValue(renormalize) && !result.GetValue(replay))
                result.AddError("--board goes with --once, --renormalize or --replay");
            if (result.GetValue(replay) && result.GetValue(board) is not { Length: 1 })
                result.AddError("--replay takes one --board");
            if (result.GetValue(since) is not null && !result.GetValue(replay))
                result.AddError("--since goes with --replay");
            if (result.GetValue(eval) is [var kind, _] && kind is not ("locations" or "salaries" or "postings"))
                result.AddError($"--eval takes 'locations', 'salaries' or 'postings', not '{kind}'");
        });

        root.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                if (parsed.GetValue(eval) is [var kind, var file])
                    return EvalCommand.Run(kind, file, createBuilder, Console.Out);
                if (parsed.GetValue(addBoards) is { } listFile)
                    return await AddBoardsCommand.RunAsync(createBuilder(), listFile, Console.In, Console.Out, Console.Error, cancellationToken);
                if (parsed.GetValue(boards))
                    return await BoardsCommand.RunAsync(createBuilder(), Console.Out, cancellationToken);
                if (parsed.GetValue(show) is { } jobId)
                    return await ShowCommand.RunAsync(createBuilder(), jobId, cancellationToken);
                if (parsed.GetValue(serve))
                    return await ServeCommand.RunAsync(parsed.GetValue(urls), cancellationToken);
                if (parsed.GetValue(migrate))
                    return await MigrateCommand.RunAsync(createBuilder(), cancellationToken);
                if (parsed.GetValue(prunePolls))
                    return await PrunePollsCommand.RunAsync(createBuilder(), Console.Out, cancellationToken);
                if (parsed.GetValue(renormalize))
                    return await RenormalizeCommand.RunAsync(createBuilder(), parsed.GetValue(board) ?? [], Console.Out, cancellationToken);
                if (parsed.GetValue(replay))
                    return await ReplayCommand.RunAsync(createBuilder(), parsed.GetValue(board)![0], parsed.GetValue(since), Console.Out, Console.Error, cancellationToken);
                if (parsed.GetValue(once))
                    return await OnceCommand.RunAsync(createBuilder(), parsed.GetValue(board) ?? [], Console.Out, cancellationToken);
                return await ServiceCommand.RunAsync(createBuilder(), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return Fail(e);
            }
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0)
            return parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = StopGracePeriod });
        foreach (var error in parsed.Errors)
            Console.Error.WriteLine($"error: {error.Message}");
        Console.Error.WriteLine("run with --help for the options");
        return Task.FromResult(UsageOrConfigurationError);
    }

    private static int Fail(Exception exception)
    {
        switch (exception)
        {
            case AggregateException { InnerExceptions: var inner } when inner.All(e => e is OptionsValidationException):
                foreach (var failure in inner.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct())
                    Console.Error.WriteLine($"configuration error: {failure}");
                return UsageOrConfigurationError;
            case OptionsValidationException invalid:
                foreach (var failure in invalid.Failures)
                    Console.Error.WriteLine($"configuration error: {failure}");
                return UsageOrConfigurationError;
            case FormatException badInput:
                Console.Error.WriteLine($"error: {badInput.Message}");
                return UsageOrConfigurationError;
            case NpgsqlException database:
                Console.Error.WriteLine($"error: PostgreSQL: {database.Message} (check ConnectionStrings__Postgres)");
                return Failure;
            default:
                Console.Error.WriteLine($"error: {exception.Message}");
                return Failure;
        }
    }
}
