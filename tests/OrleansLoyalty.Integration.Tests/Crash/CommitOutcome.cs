namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>What a lane knows about one of its txnIds.</summary>
internal enum CommitOutcome
{
    /// <summary>Sent, and no answer came (connection dropped, refused, or 503 "retry with the same txnId").</summary>
    NoAnswer,

    /// <summary>200 with a receipt.</summary>
    Committed,

    /// <summary>A 4xx refusal: the purchase must have had no effect.</summary>
    Refused,

    /// <summary>A 5xx other than 503: our fault, never acceptable.</summary>
    Fault,
}
