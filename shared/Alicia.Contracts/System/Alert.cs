namespace Alicia.Contracts.Platform;

/// <summary>
/// Published on <c>alicia/monitoring/alerts</c> when the health monitor raises an alert (<see cref="Active"/> true)
/// and again, with the same <see cref="Id"/>, when it clears (<see cref="Active"/> false, <see cref="ClearedAt"/> set).
/// Times are Unix seconds.
/// </summary>
public sealed record Alert(
    string Id,
    string Service,
    AlertKind Kind,
    AlertSeverity Severity,
    string Message,
    double RaisedAt,
    bool Active,
    double? ClearedAt = null);
