using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>A deterministic 50,000-SKU catalog: 10 departments × 10 aisles × 5 shelves, 100 products per shelf.</summary>
public static class CatalogFactory
{
    // 烟草 is excluded from discounts and earning by the default programme: a realistic basket meets it.
    public static readonly string[] Departments = ["食品", "饮料", "日化", "生鲜", "酒水", "家居", "粮油", "零食", "烟草", "文具"];
    public const int AislesPerDepartment = 10;
    public const int ShelvesPerAisle = 5;

    public static ImmutableArray<string> Shelf(int department, int aisle, int shelf) =>
        [Departments[department], $"{Departments[department]}-{aisle:D2}", $"{Departments[department]}-{aisle:D2}-{shelf}"];

    public static IReadOnlyList<Product> Products()
    {
        var random = new Random(WorkloadShape.Seed);
        var shelves = Departments.Length * AislesPerDepartment * ShelvesPerAisle;
        var perShelf = WorkloadShape.Skus / shelves;
        var products = new List<Product>(WorkloadShape.Skus);
        for (var i = 0; i < WorkloadShape.Skus; i++)
        {
            var shelf = i / perShelf;
            var department = shelf / (AislesPerDepartment * ShelvesPerAisle);
            var aisle = shelf / ShelvesPerAisle % AislesPerDepartment;
            var weighed = department == 3 && i % 4 == 0; // some fresh produce is sold by weight
            var price = weighed ? random.Next(600, 6_000) : random.Next(150, 3_000);
            products.Add(new Product(WorkloadShape.Sku(i), "69" + (100_000_000_000L + i), $"商品{i}", Shelf(department, aisle, shelf % ShelvesPerAisle), price, weighed));
        }
        return products;
    }

    public static Catalog Build() => new(Products());
}
