namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>How a topic's good message is sent: the way its subscriber's route expects it.</summary>
internal enum GoodKind { Event, Command, Query, Binary }
