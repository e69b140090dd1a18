namespace OrleansLoyalty.Domain;

/// <summary>
/// One distinct category path of a catalog, shared by every product on it. A 50,000-SKU catalog has a few hundred
/// of them, so what depends only on the path (prefix keys here; campaigns and discount rules in the engine) is
/// worked out once per path instead of once per product or per quote, and stays in cache.
/// </summary>
/// <param name="Id">Position in <see cref="Catalog.Categories"/>: engines keep per-path facts in arrays indexed by it.</param>
/// <param name="Path">Never default (a product without a category has the empty path).</param>
/// <param name="PrefixKeys"><see cref="CategoryPaths.PrefixKeys"/> of <paramref name="Path"/>.</param>
internal sealed record CategoryNode(int Id, ImmutableArray<string> Path, ImmutableArray<string> PrefixKeys);
