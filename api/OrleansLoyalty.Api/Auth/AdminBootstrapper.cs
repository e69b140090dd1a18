using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Creates the first <c>admin</c> on a fresh install, with the password from <c>LOYALTY_ADMIN_PASSWORD</c>
/// or a generated one printed once. An existing admin is never touched.
/// </summary>
public sealed partial class AdminBootstrapper(
    CredentialStore store,
    PasswordHasher hasher,
    IOptions<AuthOptions> options,
    ILogger<AdminBootstrapper> logger) : IHostedService
{
    public const string AdminUsername = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.FindStaff(AdminUsername, cancellationToken) is not null)
        {
            return;
        }
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        }
        var account = new StaffAccount(AdminUsername, hasher.Hash(password!), [Roles.Admin], []);
        if (await store.TryAddStaff(account, cancellationToken) && generated)
        {
            // Printed once, on the console only: it is not kept anywhere in clear.
            await Console.Out.WriteLineAsync($"Created the first administrator: username 'admin', password '{password}' (shown once).");
        }
        LogAdminCreated(logger, generated);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator account (generated password: {Generated})")]
    private static partial void LogAdminCreated(ILogger logger, bool generated);
}
