using System.Threading.Channels;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>Device messages in broker order, from the MQTT receive handler to the intake.</summary>
public sealed class InboundMessageQueue
{
    private readonly Channel<InboundDeviceMessage> _channel =
        Channel.CreateUnbounded<InboundDeviceMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public void Post(InboundDeviceMessage message) => _channel.Writer.TryWrite(message);

    public ChannelReader<InboundDeviceMessage> Reader => _channel.Reader;
}
