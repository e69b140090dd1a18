using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansLoyalty.Api.Checkout;
using OrleansLoyalty.Api.Json;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Api.Tests.Json;

/// <summary>
/// The compile-time JSON of the checkout calls writes what the reflection serializer wrote before it (the contract's
/// field names and shapes), and reads the bodies the same way.
/// </summary>
public sealed class CheckoutJsonTests
{
    private static readonly JsonSerializerOptions Reflection = ApiJson.ApplyContractConventions(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly ReceiptMember Member = new("M000123", "张*", "gold", 1234, 0);

    private static readonly ImmutableArray<PricedLine> Lines =
    [
        new("1", "690123", "有机牛奶 1L", 3, null, 1299, 3897, 200, 3697, ["食品", "乳制品"], 36, 100),
        new("2", "200001", "Bananas \"loose\" <b>", 1, 1250, 990, 1238, 0, 1238, [], 12, 0),
    ];

    private static readonly ImmutableArray<Discount> Discounts =
    [
        new("tier:gold", DiscountKind.Tier, "金卡95折", 100, ["1"]),
        new("campaign:c1", DiscountKind.Promotion, "满100减20", 50, ["1", "2"]),
        new("coupon:ABC", DiscountKind.Coupon, "券", 30, ["1"]),
        new("points", DiscountKind.Points, "积分抵扣", 20, ["1"]),
    ];

    private static readonly Quote SampleQuote = new("q-1", Member, Lines, Discounts, [new RejectedCoupon("OLD", "expired")],
        5135, 200, 100, 100, 4935, 48, ["会员日 9 折", "line\nbreak"], ["ABC"],
        [new CampaignUsage("c1", 50, CampaignKind.AmountOffOver), new CampaignUsage("c2", 10, CampaignKind.PercentOff),
            new CampaignUsage("c3", 2, CampaignKind.PointsMultiplier), new CampaignUsage("c4", 5, CampaignKind.BonusPoints)]);

    private static readonly JsonSerializerOptions Api = WithContext();

    public static TheoryData<string> Quotes => ["member", "anonymous", "locked PIN", "PIN needed"];

    [Theory]
    [MemberData(nameof(Quotes))]
    public async Task The_quote_is_written_byte_for_byte_as_the_serializer_wrote_it(string shopper)
    {
        var quote = shopper switch
        {
            "member" => SampleQuote,
            "locked PIN" => SampleQuote with
            {
                Member = Member with
                {
                    StoredValueBalance = 5000,
                    StoredValuePin = new(StoredValuePinStates.Locked, 2000, new DateTimeOffset(2026, 12, 4, 8, 30, 0, TimeSpan.FromHours(8))),
                },
            },
            "PIN needed" => SampleQuote with { Member = Member with { StoredValueBalance = 5000, StoredValuePin = new(StoredValuePinStates.Needed) } },
            _ => SampleQuote with { Member = null, Discounts = [], CampaignUsages = [] },
        };

        var written = await WriteQuote(quote);

        Assert.Equal(JsonSerializer.Serialize(quote, Reflection), written);
    }

    [Fact]
    public async Task Enums_go_out_as_camelCase_strings_and_text_as_UTF8()
    {
        var written = await WriteQuote(SampleQuote);

        Assert.Contains("\"kind\":\"tier\"", written, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"amountOffOver\"", written, StringComparison.Ordinal);
        Assert.Contains("金卡95折", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"weightGrams\":null", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipts_are_written_with_the_compile_time_metadata_as_reflection_wrote_them()
    {
        var receipt = SampleReceipt();
        var returned = new ReturnReceipt("R1", "T1", "s001", "03", new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(8)),
            [new ReturnedLine("1", 1, 1299, 12, 5)], 1299, 1000, 299, 12, 5, false, ["ABC"], 1227, null, "gold");

        Assert.Equal(JsonSerializer.Serialize(receipt, Reflection), JsonSerializer.Serialize(receipt, Api));
        Assert.Equal(JsonSerializer.Serialize(returned, Reflection), JsonSerializer.Serialize(returned, Api));
        Assert.Same(CheckoutJsonContext.Default, Api.GetTypeInfo(typeof(Receipt)).OriginatingResolver);
    }

    [Fact]
    public void A_body_is_read_as_before_names_in_any_case_numbers_also_as_strings_unknown_fields_ignored()
    {
        var options = Api;
        const string json = """
            {"StoreId":"s001","laneId":"03","member":{"cardNo":"8800001"},"extra":{"x":[1,2]},
             "lines":[{"lineId":"1","sku":"690123","qty":"2","unitPrice":1299,"categoryPath":["食品"]},{"lineId":"2","sku":"2","weightGrams":1250}],
             "coupons":["ABC"],"redeemPoints":100,"txnId":"T1","tenders":[{"kind":"cash","amount":2598}]}
            """;

        var body = JsonSerializer.Deserialize<CheckoutBody>(json, options)!;

        Assert.Equal("s001", body.StoreId);
        Assert.Equal("8800001", body.Member!.CardNo);
        Assert.Null(body.Member.Phone);
        Assert.Equal(2, body.Lines![0].Qty);
        Assert.Equal(["食品"], body.Lines[0].CategoryPath!);
        Assert.Null(body.Lines[1].Qty);
        Assert.Equal(1250, body.Lines[1].WeightGrams);
        Assert.Equal(100, body.RedeemPoints);
        Assert.Equal(2598, body.Tenders![0].Amount);
        Assert.Same(CheckoutJsonContext.Default, options.GetTypeInfo(typeof(CheckoutBody)).OriginatingResolver);
        // Filled property by property as read: no constructor (nor init-only setter) whose arguments are cached first.
        Assert.All([typeof(CheckoutBody), typeof(LineBody), typeof(MemberRefBody), typeof(TenderBody)],
            t => Assert.DoesNotContain(options.GetTypeInfo(t).Properties, p => p.AssociatedParameter is not null));
    }

    private static Receipt SampleReceipt() => new("T1", "s001", "03", new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(8)), Member,
        Lines, Discounts, [], 5135, 200, 100, 100, 4935, 48, ["谢谢"], [new Tender("cash", 3935, null), new Tender("storedValue", 1000, "8800001")],
        48, 1282, 9000, "gold", new TierChange("silver", "gold"), ["ABC"], []);

    /// <summary>The api's options as ApiHosting sets them: the conventions, and the checkout context first.</summary>
    private static JsonSerializerOptions WithContext()
    {
        var options = ApiJson.ApplyContractConventions(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.TypeInfoResolverChain.Insert(0, CheckoutJsonContext.Default);
        options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        return options;
    }

    /// <summary>What the quote endpoint's result writes into a response.</summary>
    private static async Task<string> WriteQuote(Quote quote)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await new Utf8JsonOk<Quote>(quote, QuoteJson.Write).ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
