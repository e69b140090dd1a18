namespace OrleansLoyalty.Domain;

/// <summary>Checks a programme before it is saved (<c>PUT /programme</c>); answers every problem, not just the first.</summary>
public static class ProgrammeValidator
{
    private const int FullBasisPoints = 10_000;

    /// <summary>¥10,000: a PIN-free limit above it would be no limit at all.</summary>
    private const long MaxPinFreeLimit = 1_000_000;

    public static IReadOnlyList<string> Validate(Programme? programme)
    {
        var errors = new List<string>();
        if (programme is null)
        {
            errors.Add("programme is required");
            return errors;
        }
        ValidateTiers(programme.Tiers, errors);
        ValidateEarning(programme.Earning, errors);
        ValidateBurning(programme.Burning, errors);
        ValidateExpiry(programme.Expiry, errors);
        ValidateGifts(programme.Gifts, errors);
        ValidateMemberDay(programme.MemberDay, errors);
        if (programme.Coupons is null)
        {
            errors.Add("coupons policy is required");
        }
        if (programme.Returns is null)
        {
            errors.Add("returns policy is required");
        }
        else if (!Enum.IsDefined(programme.Returns.Shortfall))
        {
            errors.Add("returns.shortfall is not a known policy");
        }
        ValidateCategories("notDiscountableCategories", programme.NotDiscountableCategories, errors);
        if (programme.StoredValue is { PinFreeLimit: < 0 or > MaxPinFreeLimit })
        {
            errors.Add($"storedValue.pinFreeLimit must be 0 to {MaxPinFreeLimit} fen");
        }
        return errors;
    }

    private static void ValidateTiers(ImmutableArray<TierDefinition> tiers, List<string> errors)
    {
        if (tiers.IsDefaultOrEmpty)
        {
            errors.Add("tiers: at least one tier is required");
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Length; i++)
        {
            var tier = tiers[i];
            var at = $"tiers[{i}]";
            if (tier is null)
            {
                errors.Add($"{at} is required");
                continue;
            }
            if (string.IsNullOrWhiteSpace(tier.Id))
            {
                errors.Add($"{at}.id is required");
            }
            else if (!ids.Add(tier.Id))
            {
                errors.Add($"{at}.id '{tier.Id}' is used twice");
            }
            if (string.IsNullOrWhiteSpace(tier.Name))
            {
                errors.Add($"{at}.name is required");
            }
            if (tier.SpendThreshold < 0 || tier.VisitsThreshold < 0)
            {
                errors.Add($"{at}: thresholds must not be negative");
            }
            if (tier.DiscountBasisPoints is < 0 or > FullBasisPoints)
            {
                errors.Add($"{at}.discountBasisPoints must be between 0 and {FullBasisPoints}");
            }
            if (tier.PointsMultiplierPerMille < 0)
            {
                errors.Add($"{at}.pointsMultiplierPerMille must not be negative");
            }
            if (i == 0 && (tier.SpendThreshold != 0 || tier.VisitsThreshold != 0))
            {
                errors.Add($"{at}: the first tier is the registration tier and must have zero thresholds");
            }
            if (i > 0 && tiers[i - 1] is { } lower
                && (tier.SpendThreshold <= lower.SpendThreshold || tier.VisitsThreshold <= lower.VisitsThreshold))
            {
                errors.Add($"{at}: thresholds must rise above those of tiers[{i - 1}]");
            }
        }
    }

    private static void ValidateEarning(EarningPolicy? earning, List<string> errors)
    {
        if (earning is null)
        {
            errors.Add("earning policy is required");
            return;
        }
        if (earning.PointsPerYuan < 0)
        {
            errors.Add("earning.pointsPerYuan must not be negative");
        }
        ValidateCategories("earning.excludedCategories", earning.ExcludedCategories, errors);
    }

    private static void ValidateBurning(BurningPolicy? burning, List<string> errors)
    {
        if (burning is null)
        {
            errors.Add("burning policy is required");
            return;
        }
        if (burning.PointsPerYuan <= 0)
        {
            errors.Add("burning.pointsPerYuan must be positive");
        }
        if (burning.Step <= 0)
        {
            errors.Add("burning.step must be positive");
        }
        else if (burning.PointsPerYuan > 0 && burning.Step * Money.Fen.PerYuan % burning.PointsPerYuan != 0)
        {
            errors.Add("burning.step must be worth a whole number of fen");
        }
        if (burning.MaxShareBasisPoints is < 0 or > FullBasisPoints)
        {
            errors.Add($"burning.maxShareBasisPoints must be between 0 and {FullBasisPoints}");
        }
    }

    private static void ValidateExpiry(ExpiryPolicy? expiry, List<string> errors)
    {
        if (expiry is null)
        {
            errors.Add("expiry policy is required");
            return;
        }
        if (expiry.YearsAfterEarningYear is < 0 or > 100)
        {
            errors.Add("expiry.yearsAfterEarningYear must be between 0 and 100");
        }
        if (expiry.NoticeDays is < 0 or > 366)
        {
            errors.Add("expiry.noticeDays must be between 0 and 366");
        }
    }

    private static void ValidateGifts(GiftPolicy? gifts, List<string> errors)
    {
        if (gifts is null || gifts.SignUp is null || gifts.Referral is null || gifts.Birthday is null)
        {
            errors.Add("gifts: signUp, referral and birthday are required");
            return;
        }
        if (gifts.SignUp.Points < 0 || gifts.Referral.ReferrerPoints < 0 || gifts.Referral.RefereePoints < 0)
        {
            errors.Add("gifts: points must not be negative");
        }
        if (gifts.Birthday.PointsMultiplierTenths < 10)
        {
            errors.Add("gifts.birthday.pointsMultiplierTenths must be at least 10 (1.0×)");
        }
        ValidateGiftCoupon("gifts.signUp.coupon", gifts.SignUp.Coupon, errors);
        ValidateGiftCoupon("gifts.birthday.coupon", gifts.Birthday.Coupon, errors);
    }

    private static void ValidateGiftCoupon(string at, CouponTemplate? template, List<string> errors)
    {
        if (template is null)
        {
            return;
        }
        foreach (var error in CouponTemplateValidator.Validate(template))
        {
            errors.Add($"{at}: {error}");
        }
    }

    private static void ValidateMemberDay(MemberDayPolicy? memberDay, List<string> errors)
    {
        if (memberDay is null)
        {
            errors.Add("memberDay policy is required");
            return;
        }
        if (!Enum.IsDefined(memberDay.Weekday))
        {
            errors.Add("memberDay.weekday is not a day of the week");
        }
        if (memberDay.DiscountBasisPoints is < 0 or > FullBasisPoints)
        {
            errors.Add($"memberDay.discountBasisPoints must be between 0 and {FullBasisPoints}");
        }
    }

    internal static void ValidateCategories(string at, ImmutableArray<ImmutableArray<string>> paths, List<string> errors)
    {
        if (paths.IsDefault)
        {
            return;
        }
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i].IsDefaultOrEmpty || paths[i].Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}[{i}] must be a non-empty path of non-empty names");
            }
        }
    }
}
