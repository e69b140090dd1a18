namespace OrleansLoyalty.Domain;

/// <summary>
/// Category matching: a rule on <c>["食品","乳制品"]</c> matches every product whose path starts with it,
/// at any depth (<c>["食品","乳制品","酸奶"]</c>). Names compare ordinally.
/// </summary>
public static class CategoryPaths
{
    /// <summary>Separator for <see cref="Key"/>; a control character no category name contains.</summary>
    private const string KeySeparatorText = "\u001F";

    public static bool IsUnder(ImmutableArray<string> productPath, ImmutableArray<string> rulePath)
    {
        if (rulePath.IsDefaultOrEmpty || productPath.IsDefault || productPath.Length < rulePath.Length)
        {
            return false;
        }
        for (var i = 0; i < rulePath.Length; i++)
        {
            if (!string.Equals(productPath[i], rulePath[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsUnderAny(ImmutableArray<string> productPath, ImmutableArray<ImmutableArray<string>> rulePaths)
    {
        if (rulePaths.IsDefault)
        {
            return false;
        }
        foreach (var rulePath in rulePaths)
        {
            if (IsUnder(productPath, rulePath))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A dictionary key for a whole path.</summary>
    public static string Key(ImmutableArray<string> path)
    {
        var keys = PrefixKeys(path);
        return keys.IsEmpty ? string.Empty : keys[^1];
    }

    /// <summary>Keys of every prefix of <paramref name="path"/>, shortest first: what indexes by category look up.</summary>
    public static ImmutableArray<string> PrefixKeys(ImmutableArray<string> path)
    {
        if (path.IsDefaultOrEmpty)
        {
            return [];
        }
        var keys = ImmutableArray.CreateBuilder<string>(path.Length);
        var key = path[0];
        keys.Add(key);
        for (var depth = 1; depth < path.Length; depth++)
        {
            key = string.Concat(key, KeySeparatorText, path[depth]);
            keys.Add(key);
        }
        return keys.MoveToImmutable();
    }
}
