namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Alias("test.where-am-i")]
public interface IWhereAmIGrain : IGrainWithGuidKey
{
    /// <summary>The address of the silo hosting this activation.</summary>
    [Alias("silo")]
    Task<string> Silo();
}
