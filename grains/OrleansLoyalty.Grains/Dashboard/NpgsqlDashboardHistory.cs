using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>
/// Reads <c>checkout_transactions</c>, <c>members</c> and the top-ups in <c>ledger_entries</c> back as events. Only committed rows count
/// (not those still committing, nor aborted ones); voids are not figures and are skipped; return rows
/// are stored with negative amounts and read back by absolute value, as a <see cref="ReturnCommitted"/> carries them.
/// </summary>
internal sealed class NpgsqlDashboardHistory(IOptions<DashboardHistoryOptions> options, NpgsqlDataSource? shared = null) : IDashboardHistory, IAsyncDisposable
{
    internal const string TransactionsSql = """
        select txn_id, lane_id, member_id, kind, committed_at,
               coalesce(subtotal, 0)::bigint, coalesce(discount_total, 0)::bigint, coalesce(total, 0)::bigint,
               coalesce(points_earned, 0)::bigint, coalesce(points_redeemed, 0)::bigint,
               coalesce(stored_value_spent, 0)::bigint, coalesce(coupons_redeemed, 0)::int,
               tier_after, category_sales::text
        from checkout_transactions
        where store_id = @store and committed_at >= @since and kind in ('sale', 'return') and status = 'committed'
        order by committed_at
        """;

    internal const string MembersSql = """
        select member_id, registered_at, coalesce(tier, '')
        from members
        where store_id = @store and registered_at >= @since
        """;

    internal const string TopUpsSql = $$"""
        select txn_id, card_no, amount, at
        from ledger_entries
        where store_id = @store and at >= @since and kind = '{{LedgerKind.StoredValueTopUp}}'
        """;

    internal const string ActiveStoresSql = $$"""
        select store_id from checkout_transactions where committed_at >= @since and status = 'committed'
        union
        select store_id from members where registered_at >= @since and store_id is not null
        union
        select store_id from ledger_entries where at >= @since and kind = '{{LedgerKind.StoredValueTopUp}}' and store_id is not null
        """;

    // The silo's own data source when it has one; otherwise one of our own from Database:ConnectionString.
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => shared ?? NpgsqlDataSource.Create(
        options.Value.ConnectionString is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Database:ConnectionString is not set: dashboards cannot rebuild their figures.")));

    public async Task<IReadOnlyList<LoyaltyEvent>> LoadStoreEventsAsync(string storeId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var events = new List<LoyaltyEvent>();
        await ReadAsync(events, TransactionsSql, storeId, since, reader => ReadTransaction(storeId, reader), cancellationToken);
        await ReadAsync(events, MembersSql, storeId, since, reader => new MemberRegistered
        {
            StoreId = storeId,
            MemberId = reader.GetString(0),
            At = reader.GetFieldValue<DateTimeOffset>(1),
            Tier = reader.GetString(2),
        }, cancellationToken);
        await ReadAsync(events, TopUpsSql, storeId, since, reader => new StoredValueToppedUp
        {
            StoreId = storeId,
            TxnId = reader.GetString(0),
            CardNoMasked = PersonalDataMask.CardNo(reader.GetString(1)),
            Amount = reader.GetInt64(2),
            At = reader.GetFieldValue<DateTimeOffset>(3),
        }, cancellationToken);
        return [.. events.OrderBy(e => e.At)];
    }

    /// <summary>One store's rows since a moment (parameters <c>@store</c> and <c>@since</c>), each read as an event.</summary>
    private async Task ReadAsync(List<LoyaltyEvent> events, string sql, string storeId, DateTimeOffset since,
        Func<NpgsqlDataReader, LoyaltyEvent> read, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.Value.CreateCommand(sql);
        command.Parameters.AddWithValue("store", storeId);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(read(reader));
        }
    }

    public async Task<IReadOnlyList<string>> LoadActiveStoreIdsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var stores = new List<string>();
        await using var command = _dataSource.Value.CreateCommand(ActiveStoresSql);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stores.Add(reader.GetString(0));
        }
        return stores;
    }

    private static TransactionEvent ReadTransaction(string storeId, NpgsqlDataReader reader)
    {
        var isReturn = reader.GetString(3) == "return";
        var categories = reader.IsDBNull(13)
            ? new Dictionary<string, long>()
            : (JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(13)) ?? []);
        TransactionEvent e = isReturn
            ? new ReturnCommitted { StoreId = storeId, TxnId = reader.GetString(0), At = default }
            : new CheckoutCommitted { StoreId = storeId, TxnId = reader.GetString(0), At = default };
        return e with
        {
            LaneId = reader.IsDBNull(1) ? null : reader.GetString(1),
            MemberId = reader.IsDBNull(2) ? null : reader.GetString(2),
            At = reader.GetFieldValue<DateTimeOffset>(4),
            Subtotal = Math.Abs(reader.GetInt64(5)),
            DiscountTotal = Math.Abs(reader.GetInt64(6)),
            Total = Math.Abs(reader.GetInt64(7)),
            PointsEarned = Math.Abs(reader.GetInt64(8)),
            PointsRedeemed = Math.Abs(reader.GetInt64(9)),
            StoredValueSpent = Math.Abs(reader.GetInt64(10)),
            CouponsRedeemed = Math.Abs(reader.GetInt32(11)),
            TierAfter = reader.IsDBNull(12) ? null : reader.GetString(12),
            CategorySales = isReturn ? categories.ToDictionary(c => c.Key, c => Math.Abs(c.Value)) : categories,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated && shared is null)
        {
            await _dataSource.Value.DisposeAsync();
        }
    }
}
