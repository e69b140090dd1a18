using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.WeChat;

/// <summary>
/// The chain's WeChat mini-program (section <c>WeChat</c>): binding a member's open id from the app's <c>wx.login</c>
/// code, and the access token for service messages (docs/notices.md, "WeChat").
/// </summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    [Required]
    public string AppId { get; set; } = "";

    /// <summary>From the secret store, never the settings file.</summary>
    [Required]
    public string AppSecret { get; set; } = "";

    [Required]
    public Uri ApiBase { get; set; } = new("https://api.weixin.qq.com/");

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether <c>PUT /members/{id}/wechat</c> still takes an open id the app states (<c>{"openId"}</c>) besides the
    /// <c>wx.login</c> code. Off: only WeChat's own answer names the member's open id.
    /// </summary>
    public bool AcceptOpenIdFromApp { get; set; }
}
