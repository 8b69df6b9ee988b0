namespace Alicia.Bus;

/// <summary>What middleware sees around one handler invocation.</summary>
public sealed record HandlerContext(string Service, Route Route, Delivery Delivery);
