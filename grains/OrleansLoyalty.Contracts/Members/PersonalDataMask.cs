namespace OrleansLoyalty.Contracts.Members;

/// <summary>How personal data shows where the viewer may not see it in full: <c>138****5678</c>, <c>张*</c>.</summary>
public static class PersonalDataMask
{
    /// <summary>The first and last four digits of a card number (<c>8800****2345</c>); shorter numbers are all stars.</summary>
    public static string CardNo(string cardNo) => cardNo.Length > 8 ? $"{cardNo[..4]}****{cardNo[^4..]}" : new string('*', cardNo.Length);

    public static string Phone(string phone) => phone.Length == 11 ? $"{phone[..3]}****{phone[7..]}" : new string('*', phone.Length);

    /// <summary>Keeps the family name (the first character) and hides the rest.</summary>
    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', Math.Min(name.Length - 1, 2));

    public static string? Email(string? email)
    {
        if (email is null)
        {
            return null;
        }
        var at = email.IndexOf('@');
        return at <= 1 ? "***" + email[Math.Max(at, 0)..] : email[..1] + "***" + email[at..];
    }
}
