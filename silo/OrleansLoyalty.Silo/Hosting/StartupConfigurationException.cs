namespace OrleansLoyalty.Silo.Hosting;

/// <summary>A configuration mistake found at start. Hosts print its message as one line and exit, no stack trace.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
