namespace Alicia.Dashboard;

/// <summary>
/// Response headers that keep the page to its own scripts. The broker may live on any host, so
/// websockets may go anywhere; everything else (scripts, styles, the audio worklet) comes from here.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // The microphone is the only powerful feature the page uses (push-to-talk).
            headers["Permissions-Policy"] = "microphone=(self), camera=(), geolocation=()";
            return next(context);
        });
}
