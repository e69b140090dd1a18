namespace OrleansLoyalty.Domain;

/// <summary>Step 1: resolves each basket line against the catalog and computes its gross.</summary>
internal static class LineBuilder
{
    /// <summary>Above this many lines a basket is refused rather than priced slowly.</summary>
    public const int MaxLines = 1000;

    private const int MaxQty = 100_000;
    private const int MaxGrams = 1_000_000;
    private const long MaxUnitPrice = 100_000_000_00;

    /// <summary>Adds the request's lines to <paramref name="session"/>, or says why the basket cannot be priced.</summary>
    public static PricingError? TryBuild(PricingSession session)
    {
        var engine = session.Engine;
        var request = session.Request;
        var input = request.Lines.IsDefault ? [] : request.Lines;
        if (input.Length > MaxLines)
        {
            return Invalid($"a basket has at most {MaxLines} lines", null);
        }
        var seen = session.LineIds;
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
            var entry = engine.Catalog.Entry(line.Sku);
            if (!entry.Exists && line.UnitPrice is null)
            {
                return new PricingError(PricingError.UnknownItem, $"SKU '{line.Sku}' is not in the store's catalog", line.LineId);
            }
            var unitPrice = line.UnitPrice ?? entry.Price;
            if (unitPrice is < 0 or > MaxUnitPrice)
            {
                return Invalid($"line '{line.LineId}': unitPrice out of range", line.LineId);
            }
            var soldByWeight = entry.Exists ? entry.SoldByWeight : line.WeightGrams is not null;
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
            // The catalog's path comes with its facts ready (its shared node, equal to the product's own path); a
            // lane's own path, or an item the catalog lacks, is looked up.
            ImmutableArray<string> categoryPath;
            CategoryProfile profile;
            if (line.CategoryPath is { IsDefaultOrEmpty: false } overridden)
            {
                (categoryPath, profile) = (overridden, engine.ProfileFor(overridden));
            }
            else if (entry.Exists)
            {
                (categoryPath, profile) = (entry.Category.Path, engine.ProfileOf(entry.Category));
            }
            else
            {
                (categoryPath, profile) = ([], engine.ProfileFor([]));
            }
            session.AddLine().Load(i, line.LineId, line.Sku, entry.Exists ? entry.Name : line.Sku, qty, soldByWeight ? line.WeightGrams : null,
                unitPrice, gross, categoryPath, profile);
        }
        return null;
    }

    private static PricingError Invalid(string detail, string? lineId) => new(PricingError.InvalidRequest, detail, lineId);
}
