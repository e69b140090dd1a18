using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4, "the usual way": a stateless service that reads the member's row per quote, and per commit locks
/// it, prices, and writes the transaction, the new wallet and the ledger in one PostgreSQL transaction. Same
/// pricing engine (same Domain code, same catalog and campaigns) as the grains.
/// </summary>
public sealed class StatelessService(NpgsqlDataSource db, PricingEngine engine, Func<DateTimeOffset> storeLocalNow)
{
    public const string Schema = """
        CREATE TABLE member_wallet (
            member_id text PRIMARY KEY, card_no text NOT NULL UNIQUE, tier text NOT NULL, points bigint NOT NULL,
            birthday_month int NOT NULL, birthday_day int NOT NULL, coupons jsonb NOT NULL,
            spend_12m bigint NOT NULL DEFAULT 0, visits_12m int NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE ledger (id bigserial PRIMARY KEY, member_id text NOT NULL, txn_id text NOT NULL, kind text NOT NULL,
            points bigint NOT NULL, balance_after bigint NOT NULL, at timestamptz NOT NULL, store_id text NOT NULL,
            UNIQUE (member_id, txn_id, kind));
        CREATE TABLE checkout_txn (txn_id text PRIMARY KEY, member_id text, store_id text NOT NULL, total bigint NOT NULL,
            receipt text COMPRESSION lz4 NOT NULL, committed_at timestamptz NOT NULL);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Load(NpgsqlDataSource db, IReadOnlyList<BenchMember> members, DateOnly today)
    {
        await using (var cmd = db.CreateCommand(Schema))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        await using var connection = await db.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY member_wallet (member_id, card_no, tier, points, birthday_month, birthday_day, coupons) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in members)
            {
                var context = CommitPlan.FreshMember(m, today);
                await writer.StartRowAsync();
                await writer.WriteAsync(m.MemberId);
                await writer.WriteAsync(m.CardNo);
                await writer.WriteAsync(context.TierId);
                await writer.WriteAsync(context.PointsBalance);
                await writer.WriteAsync(context.Birthday!.Month);
                await writer.WriteAsync(context.Birthday.Day);
                await writer.WriteAsync(JsonSerializer.Serialize(context.Coupons, Json), NpgsqlDbType.Jsonb);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE member_wallet", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task<PricingResult> Quote(string cardNo, ImmutableArray<BasketLine> lines, ImmutableArray<string> coupons, long redeemPoints)
    {
        await using var cmd = db.CreateCommand("SELECT member_id, tier, points, birthday_month, birthday_day, coupons::text FROM member_wallet WHERE card_no = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = cardNo });
        await using var reader = await cmd.ExecuteReaderAsync();
        var member = await reader.ReadAsync() ? Member(reader) : throw new InvalidOperationException($"no member with card {cardNo}");
        return Price(member, lines, coupons, redeemPoints);
    }

    /// <returns>The total charged.</returns>
    public async Task<long> Commit(string txnId, string cardNo, ImmutableArray<BasketLine> lines, ImmutableArray<string> coupons, long redeemPoints, long tendered)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        MemberContext member;
        await using (var select = new NpgsqlCommand(
            "SELECT member_id, tier, points, birthday_month, birthday_day, coupons::text FROM member_wallet WHERE card_no = $1 FOR UPDATE", connection, tx))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = cardNo });
            await using var reader = await select.ExecuteReaderAsync();
            member = await reader.ReadAsync() ? Member(reader) : throw new InvalidOperationException($"no member with card {cardNo}");
        }
        var result = Price(member, lines, coupons, redeemPoints);
        if (result.Total != tendered)
        {
            throw new InvalidOperationException($"tenders {tendered} ≠ total {result.Total}");
        }
        var now = TimeProvider.System.GetUtcNow();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO checkout_txn (txn_id, member_id, store_id, total, receipt, committed_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (txn_id) DO NOTHING", connection, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = txnId });
            insert.Parameters.Add(new NpgsqlParameter { Value = member.MemberId });
            insert.Parameters.Add(new NpgsqlParameter { Value = WorkloadShape.StoreId });
            insert.Parameters.Add(new NpgsqlParameter { Value = result.Total });
            // Stored as the product stores its receipts (text, lz4; migration 0005), so the comparison is like for like.
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result, Json), NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = now });
            if (await insert.ExecuteNonQueryAsync() == 0)
            {
                return result.Total; // a retry of a committed txnId: nothing more to do
            }
        }
        var used = result.CouponsApplied.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var couponsAfter = member.Coupons.Select(c => used.Contains(c.Code) ? c with { Status = CouponStatus.Used } : c).ToImmutableArray();
        var balanceAfterBurn = member.PointsBalance - result.PointsRedeemed;
        var balanceAfter = balanceAfterBurn + result.PointsToEarn;
        await using (var update = new NpgsqlCommand(
            "UPDATE member_wallet SET points = $2, coupons = $3, spend_12m = spend_12m + $4, visits_12m = visits_12m + 1, updated_at = $5 WHERE member_id = $1", connection, tx))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = member.MemberId });
            update.Parameters.Add(new NpgsqlParameter { Value = balanceAfter });
            update.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(couponsAfter, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            update.Parameters.Add(new NpgsqlParameter { Value = result.Total });
            update.Parameters.Add(new NpgsqlParameter { Value = now });
            await update.ExecuteNonQueryAsync();
        }
        await using (var ledger = new NpgsqlCommand("""
            INSERT INTO ledger (member_id, txn_id, kind, points, balance_after, at, store_id)
            VALUES ($1, $2, 'points.redeemed', $3, $4, $6, $7), ($1, $2, 'points.earned', $5, $8, $6, $7)
            """, connection, tx))
        {
            ledger.Parameters.Add(new NpgsqlParameter { Value = member.MemberId });
            ledger.Parameters.Add(new NpgsqlParameter { Value = txnId });
            ledger.Parameters.Add(new NpgsqlParameter { Value = -result.PointsRedeemed });
            ledger.Parameters.Add(new NpgsqlParameter { Value = balanceAfterBurn });
            ledger.Parameters.Add(new NpgsqlParameter { Value = result.PointsToEarn });
            ledger.Parameters.Add(new NpgsqlParameter { Value = now });
            ledger.Parameters.Add(new NpgsqlParameter { Value = WorkloadShape.StoreId });
            ledger.Parameters.Add(new NpgsqlParameter { Value = balanceAfter });
            await ledger.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return result.Total;
    }

    private PricingResult Price(MemberContext member, ImmutableArray<BasketLine> lines, ImmutableArray<string> coupons, long redeemPoints)
    {
        var result = engine.Price(new PricingRequest(WorkloadShape.StoreId, "L01", storeLocalNow(), member, lines, coupons, redeemPoints));
        return result.Error is null ? result : throw new InvalidOperationException(result.Error.Detail);
    }

    private static MemberContext Member(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), new MemberBirthday(r.GetInt32(3), r.GetInt32(4), BirthdayCalendar.Gregorian), r.GetInt64(2),
            JsonSerializer.Deserialize<ImmutableArray<Coupon>>(r.GetString(5), Json), null);
}
