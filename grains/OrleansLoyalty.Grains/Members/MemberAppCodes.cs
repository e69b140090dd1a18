using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// The app's rotating member code (会员码): "9", the member's 15 digits, the time step modulo 100 and an 8-digit
/// keyed MAC of member and step. Any silo checks a code without a lookup or shared state, and nobody without the
/// key can make one for a member id read off a receipt, so a code identifies only the phone that was just shown it.
/// docs/member-codes.md.
/// </summary>
public sealed class MemberAppCodes
{
    /// <summary>Steps a code can name: it carries its step modulo this.</summary>
    public const int StepsNamed = 100;
    public const int Length = 1 + MemberNumberDigits + 2 + MacDigits;
    private const char Prefix = '9';
    private const int MemberNumberDigits = 15;
    private const int MacDigits = 8;
    private const ulong MacModulus = 100_000_000;

    private readonly byte[] _key;
    private readonly long _stepSeconds;
    private readonly TimeSpan _acceptFor;

    private readonly TimeProvider _clock;

    public MemberAppCodes(IOptions<SecurityOptions> security, IOptions<MemberAppCodeOptions> options,
        [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    {
        _clock = clock;
        _key = Convert.FromBase64String(security.Value.IndexKey);
        _stepSeconds = (long)options.Value.Step.TotalSeconds;
        _acceptFor = options.Value.AcceptFor;
    }

    /// <summary>Whether <paramref name="memberId"/> has the shape a code can carry ("M" and 15 digits).</summary>
    public static bool CanCarry(string memberId) => MemberIds.TryParseNumber(memberId, out _);

    /// <summary>Whether <paramref name="code"/> looks like a member code at all (26 digits starting with 9).</summary>
    public static bool IsWellFormed(string code) =>
        code.Length == Length && code[0] == Prefix && !code.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>The code to show at <paramref name="now"/>.</summary>
    public MemberAppCode Issue(string memberId, DateTimeOffset now)
    {
        if (!CanCarry(memberId))
        {
            throw new ArgumentException($"Member id '{memberId}' is not \"M\" and 15 digits.", nameof(memberId));
        }
        var step = StepOf(now);
        var code = string.Create(Length, (memberId, step, mac: Mac(memberId, step)), static (span, s) =>
        {
            span[0] = Prefix;
            s.memberId.AsSpan(1).CopyTo(span[1..]);
            (s.step % StepsNamed).TryFormat(span.Slice(1 + MemberNumberDigits, 2), out _, "D2", CultureInfo.InvariantCulture);
            s.mac.TryFormat(span[^MacDigits..], out _, "D8", CultureInfo.InvariantCulture);
        });
        var start = StartOf(step);
        return new MemberAppCode(code, now, start.AddSeconds(_stepSeconds), start + _acceptFor);
    }

    /// <summary>The member a code shown now identifies.</summary>
    public string MemberIdOf(string code) => MemberIdOf(code, _clock.GetUtcNow());

    /// <summary>The member a code shown now identifies, and the step that names the code.</summary>
    public (string MemberId, long Step) Read(string code) => Read(code, _clock.GetUtcNow());

    /// <summary>
    /// The member a code shown at <paramref name="at"/> identifies, else <c>member.code_invalid</c> or
    /// <c>member.code_expired</c> (both 422). A code is good from its step's start for the accepted time, and a step
    /// early, since silos' clocks differ a little.
    /// </summary>
    public string MemberIdOf(string code, DateTimeOffset at) => Read(code, at).MemberId;

    /// <summary>
    /// The member a code shown at <paramref name="at"/> identifies and the step it was made in (which, with the member,
    /// names the code: a stored-value payment spends it), else the errors of <see cref="MemberIdOf(string, DateTimeOffset)"/>.
    /// </summary>
    public (string MemberId, long Step) Read(string code, DateTimeOffset at)
    {
        if (!IsWellFormed(code))
        {
            throw Invalid();
        }
        var named = int.Parse(code.AsSpan(1 + MemberNumberDigits, 2), CultureInfo.InvariantCulture);
        var latest = StepOf(at) + 1;
        var step = latest - (((latest - named) % StepsNamed) + StepsNamed) % StepsNamed;
        var memberId = "M" + code.Substring(1, MemberNumberDigits);
        var mac = ulong.Parse(code.AsSpan(Length - MacDigits), CultureInfo.InvariantCulture);
        if (step < 0 || !CryptographicOperations.FixedTimeEquals(Digits(mac), Digits(Mac(memberId, step))))
        {
            throw Invalid();
        }
        if (StartOf(step) + _acceptFor <= at)
        {
            throw new LoyaltyException(ErrorCodes.MemberCodeExpired,
                "This member code has expired: refresh it in the app (会员码已过期，请刷新).", 422);
        }
        return (memberId, step);
    }

    private static LoyaltyException Invalid() =>
        new(ErrorCodes.MemberCodeInvalid, "This is not a valid member code (会员码无效).", 422);

    private long StepOf(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), _stepSeconds) switch
    {
        var (quotient, remainder) when remainder < 0 => quotient - 1,
        var (quotient, _) => quotient,
    };

    private DateTimeOffset StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * _stepSeconds);

    private ulong Mac(string memberId, long step)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"member-code:{memberId}:{step.ToString(CultureInfo.InvariantCulture)}"));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) % MacModulus;
    }

    private static byte[] Digits(ulong mac)
    {
        var bytes = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, mac);
        return bytes;
    }
}
