using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Members;

/// <summary>The one rule for a member's password, at registration and when it is changed.</summary>
public static class MemberPasswords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static Rules MemberPassword(this Rules rules, string field, string? value, bool required)
    {
        if (value is null)
        {
            return required ? rules.Add(field, "is required") : rules;
        }
        if (value.Length is < MinLength or > MaxLength)
        {
            rules.Add(field, $"must be {MinLength} to {MaxLength} characters");
        }
        else if (value.All(char.IsDigit))
        {
            // A phone-keypad PIN is guessed too easily for an account that holds stored value.
            rules.Add(field, "must not be digits only");
        }
        return rules;
    }
}
