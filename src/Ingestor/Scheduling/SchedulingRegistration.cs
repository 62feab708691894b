using Ingestor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ingestor.Scheduling;

public static class SchedulingRegistration
{
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        builder.Services.AddSingleton<DueBoardFlow>();
        builder.Services.AddSingleton<FreshnessMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FreshnessMonitor>());
        builder.Services.AddHostedService<PollPruning>();

        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "ingestor";
                scheduler.GenerateInstanceId = options.Clustered;
            });
            if (options.Clustered)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(postgres => postgres.ConnectionStringName = StorageRegistration.ConnectionStringName);
                    store.ConfigureStore(adoJobStore => adoJobStore.TablePrefix = "qrtz_");
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                });
            }

            quartz.AddJob<PollDueBoardsJob>(job => job.WithIdentity(PollDueBoardsJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(PollDueBoardsJob.Key)
                .WithIdentity("poll-due-boards-every-sweep", "ingestor")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        // On SIGTERM the polls in flight finish (and release their boards) rather than being cut at the host's default 30 s;
        // within the command line's stop grace period (110 s) and the manifests' terminationGracePeriodSeconds (120 s).
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(100));
        return builder;
    }
}
