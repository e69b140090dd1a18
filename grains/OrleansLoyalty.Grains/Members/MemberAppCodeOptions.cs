using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// How the app's member code (会员码) rotates. Bound from the "MemberCodes" section; see docs/member-codes.md.
/// </summary>
public sealed class MemberAppCodeOptions : IValidatableObject
{
    public const string SectionName = "MemberCodes";

    /// <summary>How often the app shows a new code.</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:10:00")]
    public TimeSpan Step { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a code identifies its member after it was first shown: long enough for a big basket to be scanned and
    /// paid for with the code the shopper showed at the start, short enough that a photographed code soon goes stale.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AcceptFor { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AcceptFor < Step)
        {
            yield return new ValidationResult($"{SectionName}:AcceptFor must be at least {SectionName}:Step.", [nameof(AcceptFor)]);
        }
        // A code names its step modulo 100, so its acceptance must end before that number comes round again.
        if (AcceptFor >= Step * (MemberAppCodes.StepsNamed - 1))
        {
            yield return new ValidationResult($"{SectionName}:AcceptFor must be shorter than {MemberAppCodes.StepsNamed - 1} steps.", [nameof(AcceptFor)]);
        }
    }
}
