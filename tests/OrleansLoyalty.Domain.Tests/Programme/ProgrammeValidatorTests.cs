namespace OrleansLoyalty.Domain.Tests;


public class ProgrammeValidatorTests
{
    [Fact]
    public void Default_programme_is_valid()
    {
        Assert.Empty(ProgrammeValidator.Validate(Programme.Default));
    }

    [Fact]
    public void Every_problem_is_reported()
    {
        var tiers = Programme.Default.Tiers;
        var broken = Programme.Default with
        {
            Tiers = [tiers[0], tiers[1] with { DiscountBasisPoints = 12_000 }, tiers[2] with { Id = "silver", SpendThreshold = 100 }],
            Burning = Programme.Default.Burning with { Step = 0 },
            MemberDay = Programme.Default.MemberDay with { DiscountBasisPoints = -1 },
        };

        var errors = ProgrammeValidator.Validate(broken);

        Assert.Contains(errors, error => error.Contains("tiers[1].discountBasisPoints", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("must rise", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("burning.step", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("memberDay.discountBasisPoints", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_tier_must_have_no_threshold_and_tiers_must_exist()
    {
        Assert.Contains(ProgrammeValidator.Validate(Programme.Default with { Tiers = [] }), error => error.Contains("at least one tier", StringComparison.Ordinal));
        var raised = Programme.Default with { Tiers = Programme.Default.Tiers.SetItem(0, Programme.Default.Tiers[0] with { VisitsThreshold = 1 }) };
        Assert.Contains(ProgrammeValidator.Validate(raised), error => error.Contains("registration tier", StringComparison.Ordinal));
    }
}
