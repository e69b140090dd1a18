namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>A payload field missing or of the wrong type or range; caught by the parser and turned into an error message.</summary>
internal sealed class PayloadFieldException(string message) : Exception(message);
