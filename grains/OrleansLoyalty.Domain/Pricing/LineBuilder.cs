namespace OrleansLoyalty.Domain;

/// <summary>Step 1: resolves each basket line against the catalog and computes its gross.</summary>
internal static class LineBuilder
{
    /// <summary>Above this many lines a basket is refused rather than priced slowly.</summary>
    public const int MaxLines = 1000;

    private const int MaxQty = 100_000;
    private const int MaxGrams = 1_000_000;
    private const long MaxUnitPrice = 100_000_000_00;

    public static PricingError? TryBuild(PricingEngine engine, PricingRequest request, out WorkLine[] lines)
    {
        lines = [];
        var input = request.Lines.IsDefault ? [] : request.Lines;
        if (input.Length > MaxLines)
        {
            return Invalid($"a basket has at most {MaxLines} lines", null);
        }
        var built = new WorkLine[input.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var programme = engine.Programme;
        for (var i = 0; i < input.Length; i++)
        {
            var line = input[i];
            if (line is null || string.IsNullOrWhiteSpace(line.LineId) || string.IsNullOrWhiteSpace(line.Sku))
            {
                return Invalid($"lines[{i}] needs a lineId and a sku", null);
            }
            if (!seen.Add(line.LineId))
            {
                return Invalid($"lineId '{line.LineId}' appears twice", line.LineId);
            }
            engine.Catalog.TryGetEntry(line.Sku, out var entry);
            if (entry is null && line.UnitPrice is null)
            {
                return new PricingError(PricingError.UnknownItem, $"SKU '{line.Sku}' is not in the store's catalog", line.LineId);
            }
            var unitPrice = line.UnitPrice ?? entry!.Product.Price;
            if (unitPrice is < 0 or > MaxUnitPrice)
            {
                return Invalid($"line '{line.LineId}': unitPrice out of range", line.LineId);
            }
            var soldByWeight = entry?.Product.SoldByWeight ?? line.WeightGrams is not null;
            long gross;
            int qty;
            if (soldByWeight)
            {
                if (line.WeightGrams is not ({ } grams and > 0 and <= MaxGrams))
                {
                    return Invalid($"line '{line.LineId}': a weighed item needs weightGrams between 1 and {MaxGrams}", line.LineId);
                }
                gross = Catalog.WeighedPrice(unitPrice, grams);
                qty = 1;
            }
            else
            {
                if (line.WeightGrams is not null)
                {
                    return Invalid($"line '{line.LineId}': SKU '{line.Sku}' is not sold by weight", line.LineId);
                }
                if (line.Qty is <= 0 or > MaxQty)
                {
                    return Invalid($"line '{line.LineId}': qty must be between 1 and {MaxQty}", line.LineId);
                }
                gross = unitPrice * line.Qty;
                qty = line.Qty;
            }
            var categoryPath = line.CategoryPath is { IsDefaultOrEmpty: false } overridden
                ? overridden
                : entry?.Product.CategoryPath ?? [];
            if (categoryPath.IsDefault)
            {
                categoryPath = [];
            }
            var categoryKeys = line.CategoryPath is { IsDefaultOrEmpty: false } || entry is null
                ? CategoryPaths.PrefixKeys(categoryPath)
                : entry.CategoryKeys;
            built[i] = new WorkLine
            {
                Index = i,
                LineId = line.LineId,
                Sku = line.Sku,
                Name = entry?.Product.Name ?? line.Sku,
                Qty = qty,
                WeightGrams = soldByWeight ? line.WeightGrams : null,
                UnitPrice = unitPrice,
                Gross = gross,
                CategoryPath = categoryPath,
                CategoryKeys = categoryKeys,
                Discountable = !CategoryPaths.IsUnderAny(categoryPath, programme.NotDiscountableCategories),
                Earnable = !CategoryPaths.IsUnderAny(categoryPath, programme.Earning?.ExcludedCategories ?? []),
            };
        }
        lines = built;
        return null;
    }

    private static PricingError Invalid(string detail, string? lineId) => new(PricingError.InvalidRequest, detail, lineId);
}
