using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.Discovery.Tests;

public sealed class ServiceCatalogTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceCatalog _catalog = new();

    [Fact]
    public void Lists_registered_instances_sorted_with_their_capabilities_and_since_when()
    {
        Assert.True(_catalog.Register(Registration("tts", capabilities: ["speech-synthesis"]), Now));
        Assert.True(_catalog.Register(Registration("stt", capabilities: ["speech-recognition", "wake-word"]), Now.AddSeconds(2)));

        var directory = _catalog.Directory(Now.AddSeconds(3));

        Assert.Equal(["stt", "tts"], directory.Services.Select(e => e.Service));
        Assert.Equal(["speech-recognition", "wake-word"], directory.Services[0].Capabilities);
        Assert.Equal(Envelope.UnixSeconds(Now.AddSeconds(2)), directory.Services[0].Since);
        Assert.All(directory.Services, e => Assert.Equal(HealthState.Online, e.Status));
    }

    [Fact]
    public void Registering_again_on_a_reconnect_changes_nothing_and_keeps_since()
    {
        _catalog.Register(Registration("tts"), Now);

        var changed = _catalog.Register(Registration("tts"), Now.AddMinutes(5));

        Assert.False(changed);
        Assert.Equal(Envelope.UnixSeconds(Now), _catalog.Directory(Now).Services.Single().Since);
    }

    [Fact]
    public void Unregister_removes_only_that_instance()
    {
        _catalog.Register(Registration("stt", "kitchen"), Now);
        _catalog.Register(Registration("stt", "office"), Now);

        Assert.True(_catalog.Unregister("stt", "kitchen"));
        Assert.False(_catalog.Unregister("stt", "kitchen"));

        Assert.Equal("office", _catalog.Directory(Now).Services.Single().Instance);
    }

    [Fact]
    public void A_last_will_marks_the_instance_offline_hidden_from_queries_until_it_comes_back()
    {
        _catalog.Register(Registration("tts", capabilities: ["speech-synthesis"]), Now);

        Assert.True(_catalog.ObserveHealth(Health("tts", HealthState.Offline), Now.AddSeconds(1)));

        Assert.Equal(HealthState.Offline, _catalog.Directory(Now).Services.Single().Status);
        Assert.Empty(_catalog.Find(new CapabilityQuery("speech-synthesis"), Now).Services);
        Assert.Single(_catalog.Find(new CapabilityQuery("speech-synthesis", IncludeOffline: true), Now).Services);
        Assert.True(_catalog.ObserveHealth(Health("tts", HealthState.Online), Now.AddSeconds(5)));
        Assert.Single(_catalog.Find(new CapabilityQuery("speech-synthesis"), Now).Services);
    }

    [Fact]
    public void An_instance_that_never_registered_is_listed_from_its_health_until_it_does()
    {
        Assert.True(_catalog.ObserveHealth(Health("ai", HealthState.Degraded, uptime: 30), Now));
        Assert.False(_catalog.ObserveHealth(Health("stt", HealthState.Offline), Now));

        var entry = _catalog.Directory(Now).Services.Single();
        Assert.Equal(("ai", HealthState.Degraded), (entry.Service, entry.Status));
        Assert.Empty(entry.Capabilities);
        Assert.Equal(Envelope.UnixSeconds(Now) - 30, entry.StartedAt);
    }

    [Fact]
    public void Capability_queries_match_case_insensitively_and_an_empty_query_lists_everything_running()
    {
        _catalog.Register(Registration("tts", capabilities: ["speech-synthesis"]), Now);
        _catalog.Register(Registration("stt", capabilities: ["speech-recognition"]), Now);

        Assert.Equal("stt", _catalog.Find(new CapabilityQuery("Speech-Recognition"), Now).Services.Single().Service);
        Assert.Empty(_catalog.Find(new CapabilityQuery("teleportation"), Now).Services);
        Assert.Equal(2, _catalog.Find(new CapabilityQuery(), Now).Services.Count);
    }

    [Fact]
    public void Dead_instances_are_forgotten_after_the_retention()
    {
        _catalog.Register(Registration("tts"), Now);
        _catalog.ObserveHealth(Health("tts", HealthState.Offline), Now);

        Assert.False(_catalog.ForgetOffline(Now.AddMinutes(59), TimeSpan.FromHours(1)));
        Assert.True(_catalog.ForgetOffline(Now.AddMinutes(60), TimeSpan.FromHours(1)));
        Assert.Empty(_catalog.Directory(Now).Services);
    }

    private static ServiceRegistration Registration(string service, string instance = "main", params string[] capabilities) =>
        new(service, instance, "0.1.0", capabilities, Envelope.UnixSeconds(Now) - 10);

    private static HealthReport Health(string service, HealthState status, double uptime = 10) =>
        new(service, "main", status, "0.1.0", uptime, 0, 0, 10);
}
