using System.Text.RegularExpressions;
using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Members;

/// <summary>What a WeChat binding request must carry: the <c>wx.login</c> code where the chain has a WeChat app set up.</summary>
public static partial class WeChatBindingRules
{
    /// <param name="weChatConfigured">The chain's WeChat app is set up (the <c>WeChat</c> section): codes can be exchanged.</param>
    /// <param name="acceptOpenId">A stated open id is still taken (always where no WeChat app is set up).</param>
    public static void Check(Rules rules, BindWeChatRequest request, bool weChatConfigured, bool acceptOpenId)
    {
        if ((request.Code is null) == (request.OpenId is null))
        {
            rules.Add(weChatConfigured ? "code" : "openId", weChatConfigured ? "send the code from wx.login" : "send the open id from WeChat's sign-in");
            return;
        }
        if (request.Code is { } code)
        {
            if (!weChatConfigured)
            {
                rules.Add("code", "this chain has no WeChat app set up: send the open id");
            }
            else if (code.Length is < 8 or > 128 || code.Any(char.IsWhiteSpace))
            {
                rules.Add("code", "must be the code wx.login gave");
            }
            return;
        }
        if (weChatConfigured && !acceptOpenId)
        {
            rules.Add("openId", "an open id is taken only from WeChat itself: send the code from wx.login instead");
        }
        else if (!IsOpenId(request.OpenId))
        {
            rules.Add("openId", "must be the 16 to 64 letters, digits, '-' or '_' of a WeChat open id");
        }
    }

    public static bool IsOpenId(string? openId) => openId is not null && OpenIdPattern().IsMatch(openId);

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex OpenIdPattern();
}
