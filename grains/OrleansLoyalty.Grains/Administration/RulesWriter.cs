using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>
/// Writes the rules to PostgreSQL. Every write bumps the version of the scope it changed and NOTIFYs
/// <see cref="RuleScopes.NotifyChannel"/> in the same transaction: the row, the version and the nudge
/// become visible together at commit.
/// </summary>
public sealed class RulesWriter(NpgsqlDataSource db)
{
    public async Task<long> SaveProgrammeAsync(Domain.Programme programme, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO programmes (programme, saved_at, saved_by) VALUES (@p::jsonb, @at, @by) RETURNING version", connection, tx);
        cmd.Parameters.AddWithValue("p", RulesJson.Serialize(programme));
        cmd.Parameters.AddWithValue("at", now);
        cmd.Parameters.AddWithValue("by", actor);
        var version = (long)(await cmd.ExecuteScalarAsync(ct))!;
        await RulesVersions.Bump(connection, tx, [RuleScopes.Programme], now, ct);
        await tx.CommitAsync(ct);
        return version;
    }

    public async Task UpsertStoreAsync(StoreSettings store, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO stores (store_id, name, time_zone, region, updated_at) VALUES (@id, @name, @zone, @region, @at)
            ON CONFLICT (store_id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
                region = excluded.region, updated_at = excluded.updated_at
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", store.StoreId);
        cmd.Parameters.AddWithValue("name", store.Name);
        cmd.Parameters.AddWithValue("zone", store.TimeZone);
        cmd.Parameters.AddWithValue("region", (object?)store.Region ?? DBNull.Value);
        cmd.Parameters.AddWithValue("at", now);
        await cmd.ExecuteNonQueryAsync(ct);
        await RulesVersions.Bump(connection, tx, [RuleScopes.Stores], now, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Upserts a store's products: binary COPY into a temporary table, then one INSERT … ON CONFLICT.
    /// Tens of thousands of rows take one round trip each way, not one per row.
    /// </summary>
    public async Task<int> UpsertProductsAsync(string storeId, IReadOnlyList<Product> products, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE product_upload (sku text, barcode text, name text, category_path text[], price bigint, sold_by_weight boolean)
            ON COMMIT DROP
            """, connection, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY product_upload (sku, barcode, name, category_path, price, sold_by_weight) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in products)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(p.Sku, NpgsqlDbType.Text, ct);
                if (p.Barcode is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(p.Barcode, NpgsqlDbType.Text, ct);
                }
                await copy.WriteAsync(p.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(p.CategoryPath.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(p.Price, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(p.SoldByWeight, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        int count;
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO products (store_id, sku, barcode, name, category_path, price, sold_by_weight, updated_at)
            SELECT @store, sku, barcode, name, category_path, price, sold_by_weight, @at FROM product_upload
            ON CONFLICT (store_id, sku) DO UPDATE SET barcode = excluded.barcode, name = excluded.name,
                category_path = excluded.category_path, price = excluded.price,
                sold_by_weight = excluded.sold_by_weight, updated_at = excluded.updated_at
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("store", storeId);
            upsert.Parameters.AddWithValue("at", now);
            count = await upsert.ExecuteNonQueryAsync(ct);
        }
        await RulesVersions.Bump(connection, tx, [RuleScopes.Catalog(storeId)], now, ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>False when a campaign with this id exists already.</summary>
    public async Task<bool> CreateCampaignAsync(Campaign campaign, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO campaigns (campaign_id, campaign, paused, created_at, created_by, updated_at)
            VALUES (@id, @c::jsonb, @paused, @at, @by, @at) ON CONFLICT (campaign_id) DO NOTHING
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", campaign.CampaignId);
        cmd.Parameters.AddWithValue("c", RulesJson.Serialize(campaign));
        cmd.Parameters.AddWithValue("paused", campaign.Paused);
        cmd.Parameters.AddWithValue("at", now);
        cmd.Parameters.AddWithValue("by", actor);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0)
        {
            return false;
        }
        await RulesVersions.Bump(connection, tx, [RuleScopes.Campaigns], now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>False when there is no such campaign.</summary>
    public async Task<bool> SetCampaignPausedAsync(string campaignId, bool paused, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "UPDATE campaigns SET paused = @paused, updated_at = @at WHERE campaign_id = @id", connection, tx);
        cmd.Parameters.AddWithValue("id", campaignId);
        cmd.Parameters.AddWithValue("paused", paused);
        cmd.Parameters.AddWithValue("at", now);
        if (await cmd.ExecuteNonQueryAsync(ct) == 0)
        {
            return false;
        }
        await RulesVersions.Bump(connection, tx, [RuleScopes.Campaigns], now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<TemplateCreation> CreateCouponTemplateAsync(CouponTemplate template, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO coupon_templates (template_id, template, created_at, created_by)
            VALUES (@id, @t::jsonb, @at, @by) ON CONFLICT (template_id) DO NOTHING
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", template.TemplateId);
        cmd.Parameters.AddWithValue("t", RulesJson.Serialize(template));
        cmd.Parameters.AddWithValue("at", now);
        cmd.Parameters.AddWithValue("by", actor);
        try
        {
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            {
                return TemplateCreation.IdTaken;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TemplateCreation.CodeTaken;
        }
        await RulesVersions.Bump(connection, tx, [RuleScopes.CouponTemplates], now, ct);
        await tx.CommitAsync(ct);
        return TemplateCreation.Created;
    }
}
