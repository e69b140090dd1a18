namespace OrleansLoyalty.Grains.Tests.Notifications;

/// <summary>Every client a sender asks for talks to one stub provider.</summary>
public sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
