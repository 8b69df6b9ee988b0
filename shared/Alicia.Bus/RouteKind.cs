namespace Alicia.Bus;

public enum RouteKind { Event, Command, Query, Binary }
