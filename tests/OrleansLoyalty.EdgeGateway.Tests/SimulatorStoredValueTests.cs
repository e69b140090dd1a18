using System.Text.Json;
using OrleansLoyalty.LaneSimulator;

namespace OrleansLoyalty.EdgeGateway.Tests;

/// <summary>The simulated cashier pays from stored value only where the lane's display says no PIN will be asked.</summary>
public sealed class SimulatorStoredValueTests
{
    [Theory]
    [InlineData("""{"storedValueBalance":30000,"storedValuePin":{"state":"none","freeUpTo":0}}""", 8_000, true)]
    [InlineData("""{"storedValueBalance":5000,"storedValuePin":{"state":"none","freeUpTo":0}}""", 8_000, false)]
    [InlineData("""{"storedValueBalance":30000,"storedValuePin":{"state":"needed","freeUpTo":10000}}""", 8_000, true)]
    [InlineData("""{"storedValueBalance":30000,"storedValuePin":{"state":"needed","freeUpTo":0}}""", 8_000, false)]
    [InlineData("""{"storedValueBalance":30000,"storedValuePin":{"state":"showCard","freeUpTo":0}}""", 8_000, false)]
    [InlineData("""{"storedValueBalance":30000}""", 8_000, false)]
    public void Stored_value_pays_the_total_when_it_covers_it_and_no_pin_is_asked(string member, long total, bool pays)
    {
        var display = new LaneAnswer("display", JsonDocument.Parse($$"""{"seq":1,"member":{{member}},"total":{{total}}}""").RootElement, 0);

        Assert.Equal(pays, display.StoredValuePaysWithoutPin);
    }
}
