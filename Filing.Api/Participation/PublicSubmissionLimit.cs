using Filing.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Filing.Api.Participation;

/// <summary>Marks a public POST whose body is bounded by <c>Participation:MaxPublicRequestBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PublicSubmissionAttribute : Attribute;

/// <summary>
/// Bounds the body of public submissions before anything reads it: a declared length over the limit is refused at
/// once, and a chunked body is read into memory only up to the limit. Either way the answer is 413 with code
/// <c>too-large</c>; the endpoint then reads the buffered copy.
/// </summary>
internal sealed class PublicSubmissionLimitMiddleware(RequestDelegate next, IOptions<ParticipationOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<PublicSubmissionAttribute>() is null)
        {
            await next(context);
            return;
        }

        var max = options.Value.MaxPublicRequestBytes;
        if (context.Request.ContentLength > max)
        {
            await TooLargeAsync(context, problems, max);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max + 1L;
        }

        var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    await TooLargeAsync(context, problems, max);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context, problems, max);
            return;
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Request.ContentLength = buffer.Length;
        context.Response.RegisterForDisposeAsync(buffer);
        await next(context);
    }

    private static async Task TooLargeAsync(HttpContext context, IProblemDetailsService problems, int max)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request too large",
            Detail = $"请求内容超过 {max} 字节，请精简后再提交 / The request body is larger than {max} bytes; shorten it.",
        };
        problem.Extensions["code"] = ProblemCodes.TooLarge;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
