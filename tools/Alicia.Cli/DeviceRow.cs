namespace Alicia.Cli;

/// <summary>One line of <c>devices</c>.</summary>
public sealed record DeviceRow(string Id, string Name, string Type, string? Area, string State, double? Brightness, double? Temperature);
