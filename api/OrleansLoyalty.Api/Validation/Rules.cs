using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansLoyalty.Api.Validation;

/// <summary>
/// Collects field problems for one request and throws them all at once. Every rule of the contract's
/// conventions (ids, phones, money, dates) lives here so each endpoint states its fields in a few lines.
/// </summary>
public sealed partial class Rules
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public static readonly string[] Channels = ["lane", "kiosk", "app", "web", "wechat"];

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex CallerIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex StoreIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{4,40}$")]
    private static partial Regex CardNoPattern();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$")]
    private static partial Regex EmailPattern();

    /// <summary>
    /// Whether <see cref="CallerId"/> would accept the value. Hot loops check this first and build the field's name
    /// (<c>lines[17].lineId</c>) only for a value that is wrong, rather than for every value of every request.
    /// </summary>
    public static bool IsCallerId(string? value) => value is not null && CallerIdPattern().IsMatch(value);

    /// <summary>Whether <see cref="Text"/> would accept a required value (see <see cref="IsCallerId"/>).</summary>
    public static bool IsText(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !HasControlCharacter(value);

    // What char.IsControl finds: U+0000–U+001F and U+007F–U+009F.
    private static bool HasControlCharacter(string value) =>
        value.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f');

    public Rules Add(string field, string problem)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(problem);
        return this;
    }

    public bool Required(string field, object? value)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
        {
            Add(field, "is required");
            return false;
        }
        return true;
    }

    public Rules Phone(string field, string? value)
    {
        if (Required(field, value) && !PhonePattern().IsMatch(value!))
        {
            Add(field, "must be a mainland-China mobile number (11 digits starting 13–19)");
        }
        return this;
    }

    public Rules CallerId(string field, string? value)
    {
        if (Required(field, value) && !CallerIdPattern().IsMatch(value!))
        {
            Add(field, "must be 1–64 characters of A–Z, a–z, 0–9, _ . : -");
        }
        return this;
    }

    public Rules StoreId(string field, string? value)
    {
        if (Required(field, value) && !StoreIdPattern().IsMatch(value!))
        {
            Add(field, "must be 1–32 characters of A–Z, a–z, 0–9, _ -");
        }
        return this;
    }

    public Rules CardNo(string field, string? value)
    {
        if (Required(field, value) && !CardNoPattern().IsMatch(value!))
        {
            Add(field, "must be 4–40 characters of A–Z, a–z, 0–9, _ -");
        }
        return this;
    }

    public Rules Text(string field, string? value, int maxLength, bool required = true)
    {
        if (value is null && !required)
        {
            return this;
        }
        if (Required(field, value))
        {
            if (value!.Length > maxLength)
            {
                Add(field, $"must be at most {maxLength} characters");
            }
            if (HasControlCharacter(value))
            {
                Add(field, "must not contain control characters");
            }
        }
        return this;
    }

    public Rules Email(string field, string? value)
    {
        if (value is not null && (value.Length > 254 || !EmailPattern().IsMatch(value)))
        {
            Add(field, "must be an e-mail address");
        }
        return this;
    }

    public Rules OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }
            return this;
        }
        if (!allowed.Contains(value))
        {
            Add(field, $"must be one of: {string.Join(", ", allowed)}");
        }
        return this;
    }

    /// <summary>A positive amount of fen, at most <paramref name="max"/>.</summary>
    public Rules Amount(string field, long? value, long max = 100_000_000_00)
    {
        if (Required(field, value) && (value <= 0 || value > max))
        {
            Add(field, $"must be a whole number of fen from 1 to {max}");
        }
        return this;
    }

    /// <summary>Parses <c>YYYY-MM-DD</c>; adds a problem and returns null when it is not a real date.</summary>
    public DateOnly? Date(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(field, "must be a date as YYYY-MM-DD");
        return null;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
