namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>A member with one stored-value card, topped up once.</summary>
internal sealed record Shopper(string MemberId, string CardNo, long TopUp);
