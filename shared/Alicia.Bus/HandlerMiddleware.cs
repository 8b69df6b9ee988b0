namespace Alicia.Bus;

/// <summary>Wraps every handler invocation (timing, logging, metrics, or a service's own concern).</summary>
public delegate Task HandlerMiddleware(HandlerContext context, Func<Task> next);
