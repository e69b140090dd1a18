using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Tests.Notifications;

/// <summary>A provider's registered template, filled with these variables, must say what the member would read from us.</summary>
public sealed class TemplateVariablesTests
{
    [Theory]
    [MemberData(nameof(SampleDeliveries.Templates), MemberType = typeof(SampleDeliveries))]
    public void Every_template_has_its_variables_and_each_appears_in_our_own_text(string template)
    {
        var delivery = SampleDeliveries.Of(template);

        var variables = TemplateVariables.Of(template, delivery.Values);

        // Only the welcome-back message has nothing to fill in: it exists to say no number at all.
        Assert.Equal(template != NotificationTemplates.WelcomeBack, variables.Count > 0);
        Assert.Equal(TemplateVariables.NamesOf(template).Order(), variables.Keys.Order());
        Assert.All(variables, v => Assert.Contains(v.Value, delivery.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Money_goes_out_in_yuan_and_dates_as_a_member_reads_them()
    {
        Assert.Equal("13.50", TemplateVariables.Of(NotificationTemplates.LowBalance, SampleDeliveries.ValuesOf(NotificationTemplates.LowBalance))["amount"]);
        var downgrade = TemplateVariables.Of(NotificationTemplates.TierDowngradeComing, SampleDeliveries.ValuesOf(NotificationTemplates.TierDowngradeComing));
        Assert.Equal(("8000.50", "2047年5月10日"), (downgrade["amount"], downgrade["date"]));
    }
}
