using System.Text.Json.Nodes;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>One txnId a lane sent, the body it must resend unchanged on a retry, and what it heard.</summary>
internal sealed class CommitAttempt(string txnId, Shopper shopper, long storedValue, object body)
{
    public string TxnId { get; } = txnId;

    public Shopper Shopper { get; } = shopper;

    public long StoredValue { get; } = storedValue;

    public object Body { get; } = body;

    public CommitOutcome Outcome { get; private set; } = CommitOutcome.NoAnswer;

    public JsonNode? Receipt { get; private set; }

    /// <summary>The answer (or exception) last seen, for failure messages.</summary>
    public string LastReply { get; private set; } = "(not sent)";

    public int Sends { get; private set; }

    public void Heard(ApiReply reply)
    {
        Sends++;
        LastReply = reply.ToString();
        var status = (int)reply.Status;
        (Outcome, Receipt) = status switch
        {
            200 => (CommitOutcome.Committed, reply.Body),
            503 => (CommitOutcome.NoAnswer, null),
            >= 500 => (CommitOutcome.Fault, null),
            _ => (CommitOutcome.Refused, null),
        };
    }

    public void HeardNothing(Exception e)
    {
        Sends++;
        LastReply = $"{e.GetType().Name}: {e.Message}";
        Outcome = CommitOutcome.NoAnswer;
    }

    public override string ToString() => $"{TxnId} ({Outcome}, {Sends} sends, last: {LastReply})";
}
