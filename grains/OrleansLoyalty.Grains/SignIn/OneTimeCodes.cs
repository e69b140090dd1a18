using System.Globalization;
using System.Security.Cryptography;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.SignIn;

/// <summary>
/// Six-digit codes sent by SMS to prove a phone is in hand (signing in, registering on the web): at most one a minute
/// and <see cref="SignInOptions.CodesPerHour"/> an hour, alive for <see cref="SignInOptions.CodeLifetime"/>, dead after
/// <see cref="SignInOptions.CodeTries"/> wrong guesses or one right one. The caller writes the state; the message
/// rides in that write (<see cref="IOneTimeCodeState.Companions"/>), so a code is stored if and only if it is sent.
/// </summary>
public sealed class OneTimeCodes(PersonalDataProtector protector, SignInOptions options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <param name="subject">Whose code (a member id, or a phone's index key): part of the code's hash and message id.</param>
    /// <param name="memberId">The member the outbox message belongs to, if any (an erasure deletes their messages).</param>
    public CodeRequestOutcome Issue(IOneTimeCodeState s, string subject, string phone, string? memberId, string template, DateTimeOffset now)
    {
        s.CodesSent.RemoveAll(sent => now - sent >= Hour);
        if (s.CodesSent.Count > 0 && now - s.CodesSent[^1] < options.CodeResendInterval)
        {
            return new CodeRequestOutcome(false, s.CodesSent[^1] + options.CodeResendInterval);
        }
        if (s.CodesSent.Count >= options.CodesPerHour)
        {
            return new CodeRequestOutcome(false, s.CodesSent[0] + Hour);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        s.CodeHash = protector.OneTimeCodeHash(subject, code);
        s.CodeExpiresAt = now + options.CodeLifetime;
        s.CodeTriesLeft = options.CodeTries;
        s.CodesSent.Add(now);
        s.CodeSequence++;
        var payload = NotificationValues.Write(new SignInCodeValues(code, (int)options.CodeLifetime.TotalMinutes));
        s.Companions.Messages.Add(new OutboxMessage(
            $"{subject}:{template}:{s.CodeSequence}", memberId, NotificationChannels.Sms, template,
            protector.Encrypt(phone), protector.Encrypt(payload), now, s.CodeExpiresAt));
        return new CodeRequestOutcome(true, null);
    }

    /// <summary>
    /// Whether <paramref name="code"/> is the live code; null when there was nothing to check (no live code), so the
    /// caller need not write. A right code is used up; a wrong one costs a try.
    /// </summary>
    public bool? TryUse(IOneTimeCodeState s, string subject, string code, DateTimeOffset now)
    {
        if (s.CodeHash is null || s.CodeTriesLeft <= 0 || now >= s.CodeExpiresAt)
        {
            return null;
        }
        var right = CryptographicOperations.FixedTimeEquals(protector.OneTimeCodeHash(subject, code), s.CodeHash);
        if (right || --s.CodeTriesLeft == 0)
        {
            s.CodeHash = null;
            s.CodeTriesLeft = 0;
        }
        return right;
    }
}
