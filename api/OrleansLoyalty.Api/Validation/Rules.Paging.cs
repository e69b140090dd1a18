namespace OrleansLoyalty.Api.Validation;

/// <summary>The two query fields of every keyset-paged list (ledger, audit log).</summary>
public sealed partial class Rules
{
    /// <summary>A cursor this API gave out (a positive entry id), read into <paramref name="before"/>; null when none was given.</summary>
    public Rules PageCursor(string field, string? value, out long? before)
    {
        before = null;
        if (value is not null)
        {
            if (long.TryParse(value, out var id) && id > 0) before = id; else Add(field, "is not a cursor this API gave out");
        }
        return this;
    }

    /// <summary>A page size of 1 to <paramref name="max"/>, or none given.</summary>
    public Rules PageSize(string field, int? value, int max)
    {
        if (value < 1 || value > max)
        {
            Add(field, $"must be from 1 to {max}");
        }
        return this;
    }
}
