using System.Text.RegularExpressions;
using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Administration;

/// <summary>Turns the domain validators' sentences ("tiers[1].id is required") into per-field errors.</summary>
public static partial class DomainErrors
{
    [GeneratedRegex(@"^(?<field>[A-Za-z][A-Za-z0-9]*(?:\[\d+\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])?)*)(?=[\s:,])")]
    private static partial Regex FieldPattern();

    // Sentences that do not start with their field.
    private static readonly (string Start, string Field)[] Exceptions =
    [
        ("a public template", "code"),
        ("schedule, target", "body"),
    ];

    public static Rules AddAll(this Rules rules, IEnumerable<string> problems, string prefix = "")
    {
        foreach (var problem in problems)
        {
            var match = FieldPattern().Match(problem);
            var field = Exceptions.FirstOrDefault(e => problem.StartsWith(e.Start, StringComparison.Ordinal)).Field
                ?? (match.Success ? match.Groups["field"].Value : "body");
            rules.Add(prefix.Length == 0 ? field : $"{prefix}.{field}", problem);
        }
        return rules;
    }
}
