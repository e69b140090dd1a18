using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Database;

/// <summary>Fails start-up with one clear line when the connection string is missing or unparseable.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = DatabaseOptions.Problem(options.ConnectionString);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
