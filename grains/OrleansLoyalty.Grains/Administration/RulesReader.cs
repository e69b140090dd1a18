using System.Collections.Immutable;
using Npgsql;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>Reads the rules from PostgreSQL, their single source of truth.</summary>
public sealed class RulesReader(NpgsqlDataSource db)
{
    /// <summary>The cheap probe a silo runs every poll: has anything changed since the last version it saw?</summary>
    public async Task<long> MaxVersionAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT coalesce(max(version), 0) FROM rules_versions");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken ct)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand("SELECT scope, version FROM rules_versions");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        return versions;
    }

    /// <summary>The programme in effect (the latest saved), or null when none was ever saved (the default applies).</summary>
    public async Task<SavedProgramme?> ProgrammeAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT version, programme::text, saved_at FROM programmes ORDER BY version DESC LIMIT 1");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SavedProgramme(reader.GetInt64(0), RulesJson.Deserialize<Domain.Programme>(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public async Task<IReadOnlyList<Campaign>> CampaignsAsync(CancellationToken ct)
    {
        var campaigns = new List<Campaign>();
        await using var cmd = db.CreateCommand("SELECT campaign::text, paused FROM campaigns ORDER BY campaign_id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            campaigns.Add(RulesJson.Deserialize<Campaign>(reader.GetString(0)) with { Paused = reader.GetBoolean(1) });
        }
        return campaigns;
    }

    public async Task<Campaign?> CampaignAsync(string campaignId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT campaign::text, paused FROM campaigns WHERE campaign_id = @id");
        cmd.Parameters.AddWithValue("id", campaignId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? RulesJson.Deserialize<Campaign>(reader.GetString(0)) with { Paused = reader.GetBoolean(1) } : null;
    }

    public async Task<IReadOnlyList<CouponTemplate>> CouponTemplatesAsync(CancellationToken ct)
    {
        var templates = new List<CouponTemplate>();
        await using var cmd = db.CreateCommand("SELECT template::text FROM coupon_templates ORDER BY template_id");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            templates.Add(RulesJson.Deserialize<CouponTemplate>(reader.GetString(0)));
        }
        return templates;
    }

    public async Task<IReadOnlyList<StoreSettings>> StoresAsync(CancellationToken ct)
    {
        var stores = new List<StoreSettings>();
        await using var cmd = db.CreateCommand("SELECT store_id, name, time_zone, region FROM stores");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stores.Add(new StoreSettings(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return stores;
    }

    /// <summary>Every product of a store, for its silo-local <see cref="Catalog"/>.</summary>
    public async Task<IReadOnlyList<Product>> ProductsAsync(string storeId, CancellationToken ct) =>
        await ReadProductsAsync("WHERE store_id = @store", storeId, null, ct);

    /// <summary>Look-up for the back office, from the table itself (not a silo's copy).</summary>
    public async Task<IReadOnlyList<Product>> FindProductsAsync(string storeId, string? sku, string? barcode, CancellationToken ct) =>
        sku is not null
            ? await ReadProductsAsync("WHERE store_id = @store AND sku = @key", storeId, sku, ct)
            : await ReadProductsAsync("WHERE store_id = @store AND barcode = @key", storeId, barcode, ct);

    /// <summary>Member ids of a tier, from the members facts table (kept by each member grain).</summary>
    public async Task<IReadOnlyList<string>> MembersOfTierAsync(string tier, CancellationToken ct)
    {
        var ids = new List<string>();
        await using var cmd = db.CreateCommand("SELECT member_id FROM members WHERE tier = @tier AND erased_at IS NULL ORDER BY member_id");
        cmd.Parameters.AddWithValue("tier", tier);
        return await ReadIds(cmd, ct);
    }

    /// <summary>The members of an RFM segment in the last analysis run (erased members are not in it), optionally of one home store.</summary>
    public async Task<IReadOnlyList<string>> MembersOfSegmentAsync(string segment, string? homeStoreId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT member_id FROM member_analysis WHERE segment = @segment AND (@store::text IS NULL OR home_store_id = @store) ORDER BY member_id
            """);
        cmd.Parameters.AddWithValue("segment", segment);
        cmd.Parameters.Add(new NpgsqlParameter<string?>("store", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = homeStoreId });
        return await ReadIds(cmd, ct);
    }

    /// <summary>Every analysed member's segment, for <see cref="Pricing.MemberSegments"/>.</summary>
    public async Task<Pricing.MemberSegments.Snapshot> MemberSegmentsAsync(CancellationToken ct)
    {
        var segments = new Pricing.MemberSegments.Builder();
        await using var cmd = db.CreateCommand("SELECT member_id, segment FROM member_analysis");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            segments.Add(reader.GetString(0), reader.GetString(1));
        }
        return segments.Build();
    }

    private static async Task<IReadOnlyList<string>> ReadIds(NpgsqlCommand cmd, CancellationToken ct)
    {
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private async Task<IReadOnlyList<Product>> ReadProductsAsync(string where, string storeId, string? key, CancellationToken ct)
    {
        var products = new List<Product>();
        await using var cmd = db.CreateCommand($"SELECT sku, barcode, name, category_path, price, sold_by_weight FROM products {where}");
        cmd.Parameters.AddWithValue("store", storeId);
        if (key is not null)
        {
            cmd.Parameters.AddWithValue("key", key);
        }
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            products.Add(new Product(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                ImmutableArray.Create(reader.GetFieldValue<string[]>(3)), reader.GetInt64(4), reader.GetBoolean(5)));
        }
        return products;
    }
}
