namespace OrleansLoyalty.LaneSimulator;

/// <summary>A product shoppers pick. <see cref="Price"/> in fen (per kg when <see cref="SoldByWeight"/>).</summary>
public sealed record DemoProduct(string Sku, string Barcode, string Name, string[] CategoryPath, long Price, bool SoldByWeight = false);
