using OrleansLoyalty.Api.Members;
using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Tests.Members;

/// <summary>Who names the member's open id: WeChat itself wherever the chain has set up its WeChat app.</summary>
public sealed class WeChatBindingRulesTests
{
    private const string OpenId = "oAbCdEfGhIjKlMnOpQrStUv";
    private const string Code = "0a3Xk8ll2GkD5e4Pq70w3Cnld93Xk8lN";

    [Theory]
    // A chain with its WeChat app set up: the code, never a stated open id (unless the chain allows it).
    [InlineData(true, false, Code, null, null)]
    [InlineData(true, false, null, OpenId, "openId")]
    [InlineData(true, true, null, OpenId, null)]
    [InlineData(true, false, Code, OpenId, "code")]
    [InlineData(true, false, null, null, "code")]
    [InlineData(true, false, "short", null, "code")]
    // No WeChat app: the open id as the app states it; a code cannot be exchanged.
    [InlineData(false, true, null, OpenId, null)]
    [InlineData(false, true, Code, null, "code")]
    [InlineData(false, true, null, "no spaces allowed", "openId")]
    [InlineData(false, true, null, null, "openId")]
    public void What_a_binding_must_carry(bool configured, bool acceptOpenId, string? code, string? openId, string? refusedField)
    {
        var rules = new Rules();

        WeChatBindingRules.Check(rules, new BindWeChatRequest(openId, code), configured, acceptOpenId);

        var refusal = Record.Exception(rules.ThrowIfAny);
        if (refusedField is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Equal([refusedField], Assert.IsType<RequestValidationException>(refusal).Errors.Keys);
        }
    }
}
