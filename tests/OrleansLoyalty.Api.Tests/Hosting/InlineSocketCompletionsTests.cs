using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Api.Tests.Hosting;

/// <summary>The api and the silo turn inline socket completions on, unless the operator's environment says otherwise.</summary>
public sealed class InlineSocketCompletionsTests
{
    [Fact]
    public void An_environment_that_says_nothing_gets_inline_completions_and_one_that_says_0_keeps_it()
    {
        var before = Environment.GetEnvironmentVariable(InlineSocketCompletions.Variable);
        try
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions.Variable, null);
            InlineSocketCompletions.PreferUnlessSet();
            Assert.Equal("1", Environment.GetEnvironmentVariable(InlineSocketCompletions.Variable));

            Environment.SetEnvironmentVariable(InlineSocketCompletions.Variable, "0");
            InlineSocketCompletions.PreferUnlessSet();
            Assert.Equal("0", Environment.GetEnvironmentVariable(InlineSocketCompletions.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions.Variable, before);
        }
    }
}
