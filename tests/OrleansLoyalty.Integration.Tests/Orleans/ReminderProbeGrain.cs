namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>Reports every reminder tick, with the silo it fired on, to <see cref="ReminderTicks"/>.</summary>
public sealed class ReminderProbeGrain(ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task Start(TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress.ToString());
        return Task.CompletedTask;
    }
}
