namespace OrleansLoyalty.Grains.Tests.Support;

public static class Expect
{
    /// <summary>Awaits <paramref name="call"/> and returns its refusal, failing unless it carries <paramref name="code"/>.</summary>
    public static async Task<LoyaltyException> Refusal(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<LoyaltyException>(call);
        Assert.Equal(code, error.Code);
        return error;
    }
}
