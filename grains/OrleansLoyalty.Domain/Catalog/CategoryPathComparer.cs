namespace OrleansLoyalty.Domain;

/// <summary>Category paths compared element by element, ordinally; a default path equals the empty one.</summary>
internal sealed class CategoryPathComparer : IEqualityComparer<ImmutableArray<string>>
{
    public static CategoryPathComparer Instance { get; } = new();

    public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y)
    {
        var left = x.IsDefault ? [] : x.AsSpan();
        var right = y.IsDefault ? [] : y.AsSpan();
        if (left.Length != right.Length)
        {
            return false;
        }
        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i], right[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public int GetHashCode(ImmutableArray<string> path)
    {
        var hash = new HashCode();
        if (!path.IsDefault)
        {
            foreach (var name in path)
            {
                hash.Add(name is null ? 0 : StringComparer.Ordinal.GetHashCode(name));
            }
        }
        return hash.ToHashCode();
    }
}
