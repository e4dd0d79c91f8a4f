using Filing.Core.Register;

namespace Filing.Api.Infrastructure.Auth;

/// <summary>The organisation and roles behind the current request (anonymous without a key).</summary>
public interface ICurrentCaller
{
    Caller Caller { get; }
}

internal sealed class HttpCurrentCaller(IHttpContextAccessor accessor) : ICurrentCaller
{
    public Caller Caller => CallerClaims.FromPrincipal(accessor.HttpContext?.User);
}
