namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>The cluster could not be reached; the event is kept and the lane goes offline.</summary>
public sealed class LaneBackendUnavailableException : Exception
{
    public LaneBackendUnavailableException()
    {
    }

    public LaneBackendUnavailableException(string message)
        : base(message)
    {
    }

    public LaneBackendUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
