namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>Each crash test runs whole api processes; one at a time leaves them the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection
{
    public const string Name = "Crash: real api processes killed with SIGKILL";
}
