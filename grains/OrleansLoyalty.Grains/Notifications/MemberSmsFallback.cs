using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>Where a member's reminder goes when its channel will never take it: the member's grain queues it by SMS.</summary>
public interface ISmsFallback
{
    Task SendBySms(string memberId, string messageId, string template, string values);
}

/// <inheritdoc cref="ISmsFallback"/>
public sealed class MemberSmsFallback(IGrainFactory grains) : ISmsFallback
{
    public Task SendBySms(string memberId, string messageId, string template, string values) =>
        grains.GetGrain<IMemberGrain>(memberId).SendBySms(messageId, template, values);
}
