using Azure;

namespace Ingest.Functions.Api;

/// <summary>
/// Unexpected failures become problem+json instead of an empty 500: storage that cannot be reached is
/// a 503 the caller may retry, anything else a logged 500. A request the caller abandoned is left alone.
/// </summary>
internal sealed partial class ApiFaultFilter(ILogger<ApiFaultFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            LogStorageFault(logger, e, http.Request.Path);
            return ApiProblem.StorageUnavailable(http.Request);
        }
        catch (Exception e)
        {
            LogFault(logger, e, http.Request.Path);
            return ApiProblem.Internal(http.Request);
        }
    }

    private static bool IsStorageFault(Exception e) => e switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageFault),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lookup {Path}: storage failed")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lookup {Path} failed")]
    private static partial void LogFault(ILogger logger, Exception exception, PathString path);
}
