using Alicia.Bus;
using Alicia.Testing;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>Every concrete topic the running services subscribe to, from their declared routes.</summary>
internal static class FuzzPlan
{
    public static IReadOnlyList<FuzzTarget> Build(IReadOnlyList<BusServiceWrapper> services, AclFile acl, FuzzCatalog catalog)
    {
        var topics = services.SelectMany(s => s.Bus.Routes).Select(r => FuzzCatalog.Expand(r.Filter)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var targets = new List<FuzzTarget>();
        foreach (var topic in topics)
        {
            var receiving = services.Select(s => (s.Bus.Service, Routes: s.Bus.Routes.Where(r => Alicia.Contracts.TopicFilter.Matches(r.Filter, topic)).ToList()))
                .Where(s => s.Routes.Count > 0).ToList();
            foreach (var (service, _) in receiving)
            {
                if (!acl.Allows(service, topic, AclAccess.Read))
                {
                    throw new InvalidOperationException($"{service} subscribes to {topic}, but mosquitto/acl does not let it read there");
                }
            }

            var publisher = FuzzCatalog.PublisherOf(acl, topic);
            var good = catalog.GoodFor(topic, publisher)
                ?? throw new InvalidOperationException($"the fuzz has no good message for {topic} ({string.Join(", ", receiving.Select(r => r.Service))}): add one to FuzzCatalog");
            targets.Add(new FuzzTarget(
                topic,
                publisher,
                [.. receiving.Where(r => r.Routes.Any(x => x.Kind != RouteKind.Binary)).Select(r => r.Service)],
                [.. receiving.Where(r => r.Routes.Any(x => x.Kind == RouteKind.Binary)).Select(r => r.Service)],
                good)
            {
                HasEventRoute = receiving.Any(r => r.Routes.Any(x => x.Kind == RouteKind.Event)),
                Copies = receiving.ToDictionary(r => r.Service, r => r.Routes.Select(x => x.SubscriptionFilter).Distinct(StringComparer.Ordinal).Count()),
            });
        }

        return targets;
    }
}
