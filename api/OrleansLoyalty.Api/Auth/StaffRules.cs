using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Auth;

/// <summary>What a staff account must look like, when it is created and when it is changed.</summary>
public static class StaffRules
{
    public static void Password(Rules rules, string field, string? password)
    {
        rules.Text(field, password, 256);
        if (password is { Length: < 10 })
        {
            rules.Add(field, "must be at least 10 characters");
        }
    }

    public static void RolesAndStores(Rules rules, string[]? roles, string[]? storeIds)
    {
        if (roles is not { Length: > 0 } || roles.Any(r => !Roles.Staff.Contains(r)))
        {
            rules.Add("roles", "must name one or more of: admin, manager");
        }
        foreach (var (storeId, i) in (storeIds ?? []).Select((s, i) => (s, i)))
        {
            rules.StoreId($"storeIds[{i}]", storeId);
        }
        if (roles?.Contains(Roles.Manager) == true && !roles.Contains(Roles.Admin) && storeIds is not { Length: > 0 })
        {
            rules.Add("storeIds", "a manager needs at least one store");
        }
    }
}
