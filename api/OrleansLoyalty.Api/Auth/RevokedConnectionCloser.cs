namespace OrleansLoyalty.Api.Auth;

/// <summary>Closes the live connections of a subject the moment a revocation of it reaches this api instance.</summary>
public sealed class RevokedConnectionCloser(TokenRevocations revocations, LiveConnections connections) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        revocations.Revoked += Close;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        revocations.Revoked -= Close;
        return Task.CompletedTask;
    }

    private void Close(string subject) =>
        connections.CloseWhere(user => TokenSubjects.Of(user) == subject && revocations.IsRevoked(user));
}
