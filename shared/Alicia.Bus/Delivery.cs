using Alicia.Contracts;
using MQTTnet;

namespace Alicia.Bus;

/// <summary>A received message on its way to the routes it matched.</summary>
public sealed record Delivery(string Topic, Envelope Envelope, IReadOnlyList<Route> Routes, string? ResponseTopic, byte[]? CorrelationData);
