using OrleansLoyalty.Domain.Payments;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Options;
using OrleansLoyalty.EdgeGateway.Topics;

namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>
/// Turns a device payload into a <see cref="LaneEvent"/>, or says precisely why not. Checks size,
/// JSON shape, field types and ranges and identifier grammars; unknown fields are ignored.
/// </summary>
public sealed class DeviceEventParser
{
    private const int MaxTenders = 8;
    private const int MaxReturnLines = 200;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };
    private static readonly string[] Media = ["ic", "magstripe", "id", "qr"];
    private static readonly string[] PosTypes = ["phone", "coupon", "redeemPoints", "removeLine", "pay", "void", "return"];
    private static readonly string[] TenderKinds = ["cash", "bankcard", "wechatpay", "alipay", "storedValue"];

    private readonly int _maxPayloadBytes;
    private readonly Regex _phone;

    public DeviceEventParser(IOptions<GatewayOptions> options)
    {
        _maxPayloadBytes = options.Value.MaxPayloadBytes;
        _phone = new Regex(options.Value.PhonePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }

    public DeviceEventParseResult Parse(LaneTopic topic, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > _maxPayloadBytes)
        {
            return DeviceEventParseResult.Refused(RefusalCodes.TooLarge, $"payload of {payload.Length} bytes is over the {_maxPayloadBytes}-byte limit");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException)
        {
            return DeviceEventParseResult.Refused(RefusalCodes.MalformedJson, "payload is not valid JSON");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DeviceEventParseResult.Refused(RefusalCodes.Invalid, "payload must be a JSON object");
            }
            var reader = new PayloadReader(document.RootElement);
            string? eventId = null;
            try
            {
                eventId = reader.RequiredId("eventId");
                var common = new LaneEvent
                {
                    StoreId = topic.StoreId,
                    LaneId = topic.LaneId,
                    EventId = eventId,
                    Kind = LaneEventKind.Card,
                    At = reader.RequiredTimestamp("at"),
                };
                var laneEvent = topic.Kind switch
                {
                    DeviceKind.Card => ReadCard(reader, common),
                    DeviceKind.Scan => ReadScan(reader, common),
                    _ => ReadPos(reader, common),
                };
                return DeviceEventParseResult.Valid(laneEvent);
            }
            catch (PayloadFieldException invalid)
            {
                return DeviceEventParseResult.Refused(RefusalCodes.Invalid, invalid.Message, eventId);
            }
        }
    }

    private static LaneEvent ReadCard(PayloadReader reader, LaneEvent common) => common with
    {
        Kind = LaneEventKind.Card,
        CardNo = reader.RequiredId("cardNo"),
        Medium = reader.RequiredOneOf("medium", Media),
    };

    private static LaneEvent ReadScan(PayloadReader reader, LaneEvent common)
    {
        var qty = reader.OptionalInt("qty", 1, 9_999);
        var grams = reader.OptionalInt("weightGrams", 1, 1_000_000);
        if (qty is not null && grams is not null)
        {
            throw new PayloadFieldException("a scan carries 'qty' or 'weightGrams', not both");
        }
        return common with
        {
            Kind = LaneEventKind.Scan,
            Barcode = reader.RequiredId("barcode"),
            Qty = grams is null ? qty ?? 1 : null,
            WeightGrams = grams,
        };
    }

    private LaneEvent ReadPos(PayloadReader reader, LaneEvent common) => reader.RequiredOneOf("type", PosTypes) switch
    {
        "phone" => common with { Kind = LaneEventKind.Phone, Phone = ReadPhone(reader) },
        "coupon" => common with { Kind = LaneEventKind.Coupon, CouponCode = reader.RequiredId("code") },
        "redeemPoints" => common with { Kind = LaneEventKind.RedeemPoints, Points = reader.RequiredLong("points", 1, 1_000_000_000) },
        "removeLine" => common with { Kind = LaneEventKind.RemoveLine, LineId = reader.RequiredId("lineId") },
        "pay" => common with { Kind = LaneEventKind.Pay, TxnId = reader.RequiredId("txnId"), Tenders = ReadTenders(reader), PaymentPin = ReadPaymentPin(reader) },
        "void" => common with { Kind = LaneEventKind.Void },
        _ => common with
        {
            Kind = LaneEventKind.Return,
            TxnId = reader.RequiredId("txnId"),
            OriginalTxnId = reader.RequiredId("originalTxnId"),
            ReturnLines = ReadReturnLines(reader),
        },
    };

    private string ReadPhone(PayloadReader reader)
    {
        var phone = reader.RequiredString("phone");
        return _phone.IsMatch(phone) ? phone : throw new PayloadFieldException("'phone' is not a valid mobile number");
    }

    private static ImmutableArray<LaneTender> ReadTenders(PayloadReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<LaneTender>();
        foreach (var element in reader.RequiredArray("tenders", MaxTenders).EnumerateArray())
        {
            var tender = PayloadReader.ForObject(element, "each tender");
            var kind = tender.RequiredOneOf("kind", TenderKinds);
            // A storedValue tender without a cardNo pays from the identified member's own cards (an app code, a phone).
            var cardNo = tender.OptionalId("cardNo");
            builder.Add(new LaneTender { Kind = kind, Amount = tender.RequiredLong("amount", 0, 100_000_000_000), CardNo = cardNo });
        }
        return builder.ToImmutable();
    }

    private static string? ReadPaymentPin(PayloadReader reader)
    {
        var pin = reader.OptionalString("paymentPin");
        return pin is null || PaymentPins.IsWellFormed(pin) ? pin : throw new PayloadFieldException("'paymentPin' is 6 digits");
    }

    private static ImmutableArray<LaneReturnLine> ReadReturnLines(PayloadReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<LaneReturnLine>();
        foreach (var element in reader.RequiredArray("lines", MaxReturnLines).EnumerateArray())
        {
            var line = PayloadReader.ForObject(element, "each return line");
            builder.Add(new LaneReturnLine { LineId = line.RequiredId("lineId"), Qty = (int)line.RequiredLong("qty", 1, 9_999) });
        }
        return builder.ToImmutable();
    }
}
