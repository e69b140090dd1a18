namespace OrleansLoyalty.Api.Auth;

/// <summary>The roles of the REST contract, and the claim types tokens carry them in.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Lane = "lane";
    public const string Gateway = "gateway";
    public const string Member = "member";

    public static readonly IReadOnlySet<string> Staff = new HashSet<string> { Admin, Manager };
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Admin, Manager, Lane, Gateway, Member };

    public const string RoleClaim = "role";
    public const string StoreClaim = "store";
    public const string SubjectClaim = "sub";
}
