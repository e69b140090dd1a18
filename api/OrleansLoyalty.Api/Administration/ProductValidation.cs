using System.Collections.Immutable;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Administration;

/// <summary>Checks a bulk upload item by item; a problem names the item's index and field (<c>[12].price</c>).</summary>
public static class ProductValidation
{
    public const int MaxProducts = 200_000;
    public const int MaxCategoryDepth = 16;
    private const long MaxPrice = 100_000_000_00;
    private const int MaxReportedItems = 100;

    public static IReadOnlyList<Product> Validate(ProductRequest?[]? items, Rules rules)
    {
        if (items is null || items.Length == 0)
        {
            rules.Add("body", "must be a non-empty array of products");
            return [];
        }
        if (items.Length > MaxProducts)
        {
            rules.Add("body", $"must hold at most {MaxProducts} products per call");
            return [];
        }
        var products = new List<Product>(items.Length);
        var seen = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        var invalidItems = 0;
        for (var i = 0; i < items.Length && invalidItems < MaxReportedItems; i++)
        {
            var at = $"[{i}]";
            var item = items[i];
            if (item is null)
            {
                rules.Add(at, "is required");
                invalidItems++;
                continue;
            }
            var itemRules = new Rules();
            Check(item, at, itemRules, seen, i);
            if (MergeInto(itemRules, rules))
            {
                invalidItems++;
            }
            else
            {
                products.Add(new Product(item.Sku!, item.Barcode, item.Name!.Trim(), ImmutableArray.Create(item.CategoryPath!),
                    item.Price!.Value, item.SoldByWeight ?? false));
            }
        }
        if (invalidItems >= MaxReportedItems)
        {
            rules.Add("body", $"more than {MaxReportedItems} products are invalid; fix these and send the call again");
        }
        return products;
    }

    private static void Check(ProductRequest item, string at, Rules rules, Dictionary<string, int> seen, int i)
    {
        rules.Text($"{at}.sku", item.Sku, 64).Text($"{at}.barcode", item.Barcode, 64, required: false).Text($"{at}.name", item.Name, 200);
        if (item.Sku is not null && !seen.TryAdd(item.Sku, i))
        {
            rules.Add($"{at}.sku", $"repeats the sku of [{seen[item.Sku]}]");
        }
        if (item.CategoryPath is not { Length: > 0 } path)
        {
            rules.Add($"{at}.categoryPath", "must name at least one category, from the top down");
        }
        else if (path.Length > MaxCategoryDepth)
        {
            rules.Add($"{at}.categoryPath", $"must be at most {MaxCategoryDepth} levels deep");
        }
        else
        {
            for (var level = 0; level < path.Length; level++)
            {
                rules.Text($"{at}.categoryPath[{level}]", path[level], 50);
            }
        }
        if (item.Price is not { } price || price < 0 || price > MaxPrice)
        {
            rules.Add($"{at}.price", $"must be a whole number of fen from 0 to {MaxPrice} (per kg when sold by weight)");
        }
    }

    /// <summary>Copies an item's problems into the request's; true when there were any.</summary>
    private static bool MergeInto(Rules item, Rules request)
    {
        try
        {
            item.ThrowIfAny();
            return false;
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, problems) in e.Errors)
            {
                foreach (var problem in problems)
                {
                    request.Add(field, problem);
                }
            }
            return true;
        }
    }
}
