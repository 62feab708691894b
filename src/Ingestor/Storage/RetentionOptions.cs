using System.ComponentModel.DataAnnotations;

namespace Ingestor.Storage;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// How long a poll that nothing names is kept (<see cref="PollRetention"/>): at 6,000 boards polled every 10 minutes,
    /// 864,000 rows a day. A poll that wrote an event, that a close names as evidence, that a pending close waits on, or that
    /// holds a board's snapshot is kept as long as what names it.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:Polls must be between 1 day and 3650 days")]
    public TimeSpan Polls { get; set; } = TimeSpan.FromDays(30);
}
