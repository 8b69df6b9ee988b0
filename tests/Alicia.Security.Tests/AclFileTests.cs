using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>Properties of mosquitto/acl that hold without a broker.</summary>
public sealed class AclFileTests
{
    private static readonly AclFile Acl = AclFile.Load(MosquittoBroker.AclPath);
    private static readonly IReadOnlyList<string> Probes = ProbeTopics.Derive(Acl, BrokerUsers.All);

    [Fact]
    public void Every_user_with_credentials_has_exactly_one_block_and_no_block_lacks_credentials()
    {
        Assert.Equal(BrokerUsers.All.Order(StringComparer.Ordinal), Acl.Users.Order(StringComparer.Ordinal));
        Assert.Equal(11, BrokerUsers.All.Count);
    }

    [Fact]
    public void Only_a_service_itself_may_write_its_health_metrics_logs_and_dead_letters()
    {
        foreach (var service in BrokerUsers.Services)
        {
            foreach (var family in new[] { "alicia/system/health/", "alicia/monitoring/metrics/", "alicia/monitoring/logs/", "alicia/system/deadletter/" })
            {
                var topic = family + service;
                var writers = BrokerUsers.All.Where(u => Acl.Allows(u, topic, AclAccess.Write));
                Assert.Equal([service], writers);
            }
        }
    }

    [Fact]
    public void Replies_and_commands_for_a_service_are_readable_only_by_it_and_the_operators_tools()
    {
        foreach (var service in BrokerUsers.Services)
        {
            foreach (var topic in new[] { $"alicia/reply/{service}/1234", $"alicia/{service}/command", $"alicia/system/config/{service}" })
            {
                var readers = BrokerUsers.All.Where(u => Acl.Allows(u, topic, AclAccess.Read)).Order(StringComparer.Ordinal);
                Assert.Equal(new[] { "cli", "dashboard", service }.Order(StringComparer.Ordinal), readers);
            }
        }
    }

    [Fact]
    public void The_bridge_gets_nothing_under_alicia_and_services_get_nothing_outside_it_except_the_registry()
    {
        static bool UnderAlicia(string topic) => topic == "alicia" || topic.StartsWith("alicia/", StringComparison.Ordinal);
        var aliciaTopics = Probes.Where(UnderAlicia).ToList();
        Assert.DoesNotContain(aliciaTopics, t => Acl.Allows("bridge", t, AclAccess.Read) || Acl.Allows("bridge", t, AclAccess.Write));

        var outside = Probes.Where(t => !UnderAlicia(t)).ToList();
        var usersOutside = BrokerUsers.All.Where(u => outside.Any(t => Acl.Allows(u, t, AclAccess.Read) || Acl.Allows(u, t, AclAccess.Write)));
        Assert.Equal(["device-registry", "bridge"], usersOutside);
    }

    [Fact]
    public void The_dashboard_may_only_write_what_a_person_does_in_the_ui()
    {
        var writable = Probes.Where(t => Acl.Allows("dashboard", t, AclAccess.Write)).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "alicia/devices/control/kitchen",
                "alicia/system/health/check",
                "alicia/voice/audio/browser/frame",
                "alicia/voice/session/browser/start",
            ],
            writable);
    }

    [Fact]
    public void Nothing_is_granted_on_sys_topics_or_to_anonymous_clients()
    {
        Assert.DoesNotContain(Acl.Rules, r => r.Topic.StartsWith('$') || r.Topic.StartsWith('#') || r.Topic.StartsWith('+'));
        Assert.DoesNotContain(Acl.Rules, r => r.User is null && !r.IsPattern);
    }

    [Theory]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/c/d", false)]
    [InlineData("a/+", "a", false)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("#", "$SYS/broker", false)]
    [InlineData("+/broker", "$SYS/broker", false)]
    [InlineData("$SYS/#", "$SYS/broker", true)]
    public void Topic_filters_match_like_the_broker(string filter, string topic, bool matches) =>
        Assert.Equal(matches, MosquittoTopicFilter.Matches(filter, topic));

    [Fact]
    public void Patterns_apply_to_every_user_with_their_own_name()
    {
        var acl = AclFile.Parse(["pattern write a/%u/status", "user x", "topic read b/#"]);

        Assert.True(acl.Allows("x", "a/x/status", AclAccess.Write));
        Assert.True(acl.Allows("y", "a/y/status", AclAccess.Write));
        Assert.False(acl.Allows("y", "a/x/status", AclAccess.Write));
        Assert.False(acl.Allows("y", "b/1", AclAccess.Read));
        Assert.False(acl.Allows("x", "b/1", AclAccess.Write));
    }

    [Theory]
    [InlineData("topic read a/b")]
    [InlineData("user x\ntopic deny a/b")]
    [InlineData("user x\nuser x")]
    [InlineData("user x\ntopics read a")]
    public void Lines_the_model_cannot_represent_faithfully_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => AclFile.Parse(text.Split('\n')));
}
