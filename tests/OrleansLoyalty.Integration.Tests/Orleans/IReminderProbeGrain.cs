namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Alias("test.reminder-probe")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task Start(TimeSpan period);
}
