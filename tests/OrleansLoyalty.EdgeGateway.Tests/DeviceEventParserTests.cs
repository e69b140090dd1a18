using System.Text;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Input;
using OrleansLoyalty.EdgeGateway.Options;
using OrleansLoyalty.EdgeGateway.Topics;

namespace OrleansLoyalty.EdgeGateway.Tests;

public sealed class DeviceEventParserTests
{
    private readonly DeviceEventParser _parser = new(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { StoreId = "s001", JournalPath = "/tmp" }));

    [Theory]
    [InlineData("scan", """{"eventId":"e1","at":"2026-11-22T09:30:00+08:00","barcode":"690","qty":0}""", "'qty' must be between 1 and 9999")]
    [InlineData("scan", """{"eventId":"e1","at":"2026-11-22T09:30:00+08:00","barcode":"690","qty":2,"weightGrams":100}""", "not both")]
    [InlineData("scan", """{"eventId":"e1","at":"2026-11-22T09:30:00","barcode":"690"}""", "with offset")]
    [InlineData("card", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","cardNo":"88","medium":"nfc"}""", "'medium' must be one of")]
    [InlineData("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","type":"phone","phone":"12345"}""", "not a valid mobile number")]
    [InlineData("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","type":"pay","txnId":"t1","tenders":[]}""", "1 to 8 entries")]
    [InlineData("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","type":"pay","txnId":"t1","tenders":[{"kind":"storedValue","amount":100}],"paymentPin":"12345"}""", "'paymentPin' is 6 digits")]
    [InlineData("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","type":"redeemPoints","points":"500"}""", "'points' must be an integer")]
    [InlineData("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00Z","type":"return","txnId":"r1","originalTxnId":"t1","lines":[{"lineId":"1","qty":1.5}]}""", "'qty' must be an integer")]
    public void Invalid_fields_are_refused_with_a_message_naming_them(string kind, string json, string expected)
    {
        var result = Parse(kind, json);
        Assert.Null(result.Event);
        Assert.Equal(RefusalCodes.Invalid, result.Refusal!.Code);
        Assert.Contains(expected, result.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("e1", result.EventId);
    }

    [Fact]
    public void An_eventId_with_a_trailing_newline_is_not_an_identifier()
    {
        var result = Parse("pos", "{\"eventId\":\"e1\\n\",\"at\":\"2026-11-22T09:30:00Z\",\"type\":\"void\"}");
        Assert.Equal(RefusalCodes.Invalid, result.Refusal!.Code);
    }

    [Fact]
    public void A_pay_reads_every_tender_and_a_weighed_scan_its_grams()
    {
        var pay = Parse("pos", """{"eventId":"e1","at":"2026-11-22T09:30:00+08:00","type":"pay","txnId":"T-1","tenders":[{"kind":"wechatpay","amount":1000},{"kind":"storedValue","amount":234,"cardNo":"8800012345"}],"extra":{"ignored":true}}""").Event!;
        Assert.Equal(LaneEventKind.Pay, pay.Kind);
        Assert.Equal([1000L, 234L], pay.Tenders.Select(t => t.Amount));
        Assert.Equal("8800012345", pay.Tenders[1].CardNo);

        var weighed = Parse("scan", """{"eventId":"e2","at":"2026-11-22T09:30:00+08:00","barcode":"2000001","weightGrams":1250}""").Event!;
        Assert.Equal(1250, weighed.WeightGrams);
        Assert.Null(weighed.Qty);
    }

    private DeviceEventParseResult Parse(string kind, string json)
    {
        var deviceKind = Enum.Parse<DeviceKind>(kind, ignoreCase: true);
        return _parser.Parse(new LaneTopic("s001", "01", deviceKind), Encoding.UTF8.GetBytes(json));
    }
}
