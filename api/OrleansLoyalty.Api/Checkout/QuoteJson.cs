using System.Collections.Immutable;
using System.Text.Json;
using OrleansLoyalty.Api.Json;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Checkout;

/// <summary>
/// The quote's answer (rest.md), written by hand: the hottest JSON of the api (20 priced lines per basket). The
/// serializer's source-generated fast path cannot be used for it: that runs only under options without converters,
/// and the contract writes enums as camelCase strings. Fields, order and omissions are the serializer's with the
/// api's conventions (declaration order, nulls left out): CheckoutJsonTests compares the two byte for byte.
/// </summary>
public static class QuoteJson
{
    private static readonly JsonEncodedText QuoteId = JsonEncodedText.Encode("quoteId");
    private static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
    private static readonly JsonEncodedText MemberId = JsonEncodedText.Encode("memberId");
    private static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("displayName");
    private static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
    private static readonly JsonEncodedText PointsBalance = JsonEncodedText.Encode("pointsBalance");
    private static readonly JsonEncodedText StoredValueBalance = JsonEncodedText.Encode("storedValueBalance");
    private static readonly JsonEncodedText StoredValuePin = JsonEncodedText.Encode("storedValuePin");
    private static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText FreeUpTo = JsonEncodedText.Encode("freeUpTo");
    private static readonly JsonEncodedText LockedUntil = JsonEncodedText.Encode("lockedUntil");
    private static readonly JsonEncodedText Lines = JsonEncodedText.Encode("lines");
    private static readonly JsonEncodedText LineId = JsonEncodedText.Encode("lineId");
    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Qty = JsonEncodedText.Encode("qty");
    private static readonly JsonEncodedText WeightGrams = JsonEncodedText.Encode("weightGrams");
    private static readonly JsonEncodedText UnitPrice = JsonEncodedText.Encode("unitPrice");
    private static readonly JsonEncodedText Gross = JsonEncodedText.Encode("gross");
    private static readonly JsonEncodedText Discount = JsonEncodedText.Encode("discount");
    private static readonly JsonEncodedText Net = JsonEncodedText.Encode("net");
    private static readonly JsonEncodedText CategoryPath = JsonEncodedText.Encode("categoryPath");
    private static readonly JsonEncodedText PointsToEarn = JsonEncodedText.Encode("pointsToEarn");
    private static readonly JsonEncodedText PointsRedeemed = JsonEncodedText.Encode("pointsRedeemed");
    private static readonly JsonEncodedText Discounts = JsonEncodedText.Encode("discounts");
    private static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText LineIds = JsonEncodedText.Encode("lineIds");
    private static readonly JsonEncodedText RejectedCoupons = JsonEncodedText.Encode("rejectedCoupons");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Subtotal = JsonEncodedText.Encode("subtotal");
    private static readonly JsonEncodedText DiscountTotal = JsonEncodedText.Encode("discountTotal");
    private static readonly JsonEncodedText PointsValue = JsonEncodedText.Encode("pointsValue");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Messages = JsonEncodedText.Encode("messages");
    private static readonly JsonEncodedText CouponsApplied = JsonEncodedText.Encode("couponsApplied");
    private static readonly JsonEncodedText CampaignUsages = JsonEncodedText.Encode("campaignUsages");
    private static readonly JsonEncodedText CampaignId = JsonEncodedText.Encode("campaignId");

    public static void Write(Utf8JsonWriter writer, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quote);
        writer.WriteStartObject();
        WriteString(writer, QuoteId, quote.QuoteId);
        if (quote.Member is { } member)
        {
            writer.WritePropertyName(Member);
            WriteMember(writer, member);
        }
        WriteArray(writer, Lines, quote.Lines, WriteLine);
        WriteArray(writer, Discounts, quote.Discounts, WriteDiscount);
        WriteArray(writer, RejectedCoupons, quote.RejectedCoupons, WriteRejectedCoupon);
        writer.WriteNumber(Subtotal, quote.Subtotal);
        writer.WriteNumber(DiscountTotal, quote.DiscountTotal);
        writer.WriteNumber(PointsRedeemed, quote.PointsRedeemed);
        writer.WriteNumber(PointsValue, quote.PointsValue);
        writer.WriteNumber(Total, quote.Total);
        writer.WriteNumber(PointsToEarn, quote.PointsToEarn);
        WriteStrings(writer, Messages, quote.Messages);
        WriteStrings(writer, CouponsApplied, quote.CouponsApplied);
        WriteArray(writer, CampaignUsages, quote.CampaignUsages, WriteCampaignUsage);
        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, ReceiptMember member)
    {
        writer.WriteStartObject();
        WriteString(writer, MemberId, member.MemberId);
        WriteString(writer, DisplayName, member.DisplayName);
        WriteString(writer, Tier, member.Tier);
        writer.WriteNumber(PointsBalance, member.PointsBalance);
        writer.WriteNumber(StoredValueBalance, member.StoredValueBalance);
        if (member.StoredValuePin is { } pin)
        {
            writer.WriteStartObject(StoredValuePin);
            WriteString(writer, State, pin.State);
            writer.WriteNumber(FreeUpTo, pin.FreeUpTo);
            if (pin.LockedUntil is { } until)
            {
                writer.WriteString(LockedUntil, until);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, PricedLine line)
    {
        writer.WriteStartObject();
        WriteString(writer, LineId, line.LineId);
        WriteString(writer, Sku, line.Sku);
        WriteString(writer, Name, line.Name);
        writer.WriteNumber(Qty, line.Qty);
        if (line.WeightGrams is { } grams)
        {
            writer.WriteNumber(WeightGrams, grams);
        }
        writer.WriteNumber(UnitPrice, line.UnitPrice);
        writer.WriteNumber(Gross, line.Gross);
        writer.WriteNumber(Discount, line.Discount);
        writer.WriteNumber(Net, line.Net);
        WriteStrings(writer, CategoryPath, line.CategoryPath);
        writer.WriteNumber(PointsToEarn, line.PointsToEarn);
        writer.WriteNumber(PointsRedeemed, line.PointsRedeemed);
        writer.WriteEndObject();
    }

    private static void WriteDiscount(Utf8JsonWriter writer, Discount discount)
    {
        writer.WriteStartObject();
        WriteString(writer, RuleId, discount.RuleId);
        CamelCaseNames<DiscountKind>.Write(writer, Kind, discount.Kind);
        WriteString(writer, Label, discount.Label);
        writer.WriteNumber(Amount, discount.Amount);
        WriteStrings(writer, LineIds, discount.LineIds);
        writer.WriteEndObject();
    }

    private static void WriteRejectedCoupon(Utf8JsonWriter writer, RejectedCoupon rejected)
    {
        writer.WriteStartObject();
        WriteString(writer, Code, rejected.Code);
        WriteString(writer, Reason, rejected.Reason);
        writer.WriteEndObject();
    }

    private static void WriteCampaignUsage(Utf8JsonWriter writer, CampaignUsage usage)
    {
        writer.WriteStartObject();
        WriteString(writer, CampaignId, usage.CampaignId);
        writer.WriteNumber(Amount, usage.Amount);
        CamelCaseNames<CampaignKind>.Write(writer, Kind, usage.Kind);
        writer.WriteEndObject();
    }

    /// <summary>Leaves a null string out, as the api's serializer does.</summary>
    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText property, ImmutableArray<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values.IsDefault ? [] : values)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
        writer.WriteEndArray();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, JsonEncodedText property, ImmutableArray<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(property);
        foreach (var item in items.IsDefault ? [] : items)
        {
            write(writer, item);
        }
        writer.WriteEndArray();
    }
}
