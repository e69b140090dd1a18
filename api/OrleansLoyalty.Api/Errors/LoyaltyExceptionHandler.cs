using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Errors;

/// <summary>
/// Turns every exception into an RFC 9457 problem document. Anything a client can cause (bad JSON, a
/// refused business rule) is a 4xx with its code; only our own faults are 5xx, and they say nothing inside.
/// </summary>
public sealed partial class LoyaltyExceptionHandler(IProblemDetailsService problems, ILogger<LoyaltyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            LoyaltyException e => Problem(e.Status, e.Code, Title(e.Code), e.Message),
            RequestValidationException e => new HttpValidationProblemDetails(e.Errors)
            {
                Status = 400, Title = "The request is not valid.", Extensions = { ["code"] = ErrorCodes.RequestInvalid },
            },
            BadHttpRequestException e => Problem(e.StatusCode, ProblemCodes.ForStatus(e.StatusCode), "The request could not be read.", Describe(e)),
            JsonException e => Problem(400, ErrorCodes.RequestInvalid, "The request body is not valid JSON.", e.Message),
            TimeoutException or OperationCanceledException when !httpContext.RequestAborted.IsCancellationRequested
                => Problem(503, ErrorCodes.ServiceUnavailable, "The service is busy; retry with the same txnId.", null),
            OrleansException => Problem(503, ErrorCodes.ServiceUnavailable, "The cluster is not reachable; retry with the same txnId.", null),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            problem = Problem(500, ErrorCodes.InternalError, "Something went wrong on our side.", null);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string code, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };

    private static string Title(string code) => code switch
    {
        ErrorCodes.RequestInvalid => "The request is not valid.",
        _ when code.StartsWith("auth.", StringComparison.Ordinal) => "Not allowed.",
        _ when code.EndsWith("not_found", StringComparison.Ordinal) => "Not found.",
        _ => "The request was refused.",
    };

    // The inner JsonException says which field and where; the outer message only says binding failed.
    private static string Describe(BadHttpRequestException e) => e.InnerException?.Message ?? e.Message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
