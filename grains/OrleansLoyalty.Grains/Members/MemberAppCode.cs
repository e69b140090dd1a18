namespace OrleansLoyalty.Grains.Members;

/// <summary>One member code as the app shows it.</summary>
/// <param name="Code">26 digits, for a QR code or a barcode.</param>
/// <param name="RefreshAt">When the app should show the next code.</param>
/// <param name="ValidUntil">When a lane stops accepting this one.</param>
public sealed record MemberAppCode(string Code, DateTimeOffset IssuedAt, DateTimeOffset RefreshAt, DateTimeOffset ValidUntil);
