using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Platform;
using Alicia.Contracts.Voice;
using Alicia.Testing;

namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>
/// Turns the services' declared routes into concrete topics (wildcards filled with a site, a device or a
/// service name), picks for each an identity the ACL lets publish it, and knows each topic's good message.
/// A route the catalog has no good message for fails the plan, so a new route cannot escape the fuzz.
/// </summary>
internal sealed class FuzzCatalog(BusJson json, JsonElement grammar, JsonElement deviceList)
{
    public const string Site = "fuzz";
    public const string Device = "fuzz_lamp";
    private const string ReportingService = ServiceNames.Tts;
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    /// <summary>A filter as a topic a real publisher would use.</summary>
    public static string Expand(string filter) => filter switch
    {
        Topics.Health.All or Topics.Health.AnyService => Topics.Health.Of(ReportingService),
        Topics.Devices.AllControl => Topics.Devices.Control(Device),
        "homeassistant/#" => "homeassistant/light/fuzz_ha/config",
        _ => string.Join('/', filter.Split('/').Select(level => level is "+" or "#" ? Site : level)),
    };

    /// <summary>Prefers the CLI (a person's tool), then device bridges for their own trees, then the first service the ACL allows.</summary>
    public static string PublisherOf(AclFile acl, string topic)
    {
        var writers = acl.Users.Where(u => u != "dashboard" && acl.Allows(u, topic, AclAccess.Write)).ToList();
        if (writers.Count == 0)
        {
            throw new InvalidOperationException($"no identity may publish {topic} according to mosquitto/acl");
        }

        return writers.Contains(ServiceNames.Cli) ? ServiceNames.Cli
            : !topic.StartsWith("alicia/", StringComparison.Ordinal) && writers.Contains("bridge") ? "bridge"
            : writers[0];
    }

    public GoodMessage? GoodFor(string topic, string publisher)
    {
        if (topic.StartsWith("alicia/system/config/", StringComparison.Ordinal) && topic.Count(c => c == '/') == 3
            && topic != Topics.Config.Update && topic != Topics.Config.Request)
        {
            return Event(_ => EmptyObject, typed: false);
        }

        return topic switch
        {
            Topics.Health.Check => Event(_ => EmptyObject, typed: false),
            _ when topic == Topics.Health.Of(ReportingService) => Event(_ =>
                Element(new HealthReport(ReportingService, "main", HealthState.Online, BusClient.Version, 1, 0, 0, 2)), typed: true),
            Topics.Config.Update => new GoodMessage(GoodKind.Command)
            {
                Payload = _ => Element(new ConfigUpdate(ServiceNames.Discovery, JsonElement.Parse("{}"))), Typed = true, Order = 1,
            },
            Topics.Config.Request => new GoodMessage(GoodKind.Query) { Payload = _ => Element(new ConfigRequest(ServiceNames.Discovery)), Typed = true, Order = 2 },
            Topics.Discovery.Register or Topics.Discovery.Unregister => Event(_ =>
                Element(new ServiceRegistration(publisher, "fuzz", BusClient.Version, [], Envelope.UnixSeconds(DateTimeOffset.UtcNow))), typed: true),
            Topics.Discovery.Query => new GoodMessage(GoodKind.Query) { Payload = _ => Element(new CapabilityQuery()), Typed = true },
            Topics.Registry.Add => new GoodMessage(GoodKind.Command)
            {
                Payload = _ => JsonElement.Parse("""{"id":"fuzz_lamp","name":"Fuzz Lamp","type":"light","mqtt":{"cmd_t":"cmnd/fuzz_lamp/POWER"}}"""),
                Typed = true, Order = 1,
            },
            Topics.Registry.Update => new GoodMessage(GoodKind.Command) { Payload = _ => JsonElement.Parse("""{"id":"fuzz_lamp","area":"Lab"}"""), Typed = true, Order = 2 },
            Topics.Command.Execute => new GoodMessage(GoodKind.Command) { Payload = _ => Element(new DeviceCommand(Device, DeviceActions.TurnOn)), Typed = true, Order = 3 },
            _ when topic == Topics.Devices.Control(Device) => new GoodMessage(GoodKind.Command)
            {
                Payload = _ => Element(new DeviceCommand(Device, DeviceActions.TurnOff)), Typed = true, Order = 4,
            },
            Topics.Registry.Remove => new GoodMessage(GoodKind.Command) { Payload = _ => JsonElement.Parse("""{"id":"fuzz_lamp"}"""), Typed = true, Order = 5 },
            "homeassistant/light/fuzz_ha/config" => new GoodMessage(GoodKind.Binary)
            {
                Raw = _ => """{"name":"Fuzz HA","unique_id":"fuzz_ha","command_topic":"cmnd/fuzz_ha/POWER","state_topic":"stat/fuzz_ha/POWER"}"""u8.ToArray(),
                RawRejectedBy = ServiceNames.DeviceRegistry,
            },
            _ when topic == Topics.Audio.Frame(Site) => new GoodMessage(GoodKind.Binary) { Raw = _ => new byte[640] },
            _ when !topic.StartsWith("alicia/", StringComparison.Ordinal) => new GoodMessage(GoodKind.Binary) { Raw = _ => """{"state":"ON"}"""u8.ToArray() },
            Topics.Stt.Request => new GoodMessage(GoodKind.Event)
            {
                Payload = _ => Element(new SttRequest(Convert.ToBase64String(Wav.Silence(TimeSpan.FromMilliseconds(300))))),
                Typed = true,
                AnsweredOn = [Topics.Stt.Response, Topics.Stt.Error],
                BadPayloads =
                [
                    Element(new SttRequest("this is not base64 !!!")),
                    Element(new SttRequest(Convert.ToBase64String(Wav.LyingHeader(claimedDataBytes: 1_000_000, actualDataBytes: 320)))),
                    Element(new SttRequest(Convert.ToBase64String(Wav.LyingHeader(claimedDataBytes: 0, actualDataBytes: 3200)))),
                    Element(new SttRequest(Convert.ToBase64String("RIFF not really a wave file"u8.ToArray()))),
                    Element(new SttRequest(Convert.ToBase64String(Wav.Silence(TimeSpan.FromMilliseconds(300))), "mp3")),
                    Element(new SttRequest("")),
                ],
                BadPayloadsCountedBy = ServiceNames.Stt,
            },
            Topics.Ai.Grammar => new GoodMessage(GoodKind.Event)
            {
                Payload = _ => grammar,
                Typed = true,
                BadPayloads = [Element(new AiGrammar("", [], "empty")), Element(new AiGrammar("#JSGF V1.0; grammar broken; public <x> = ( ;", ["x"], "broken"))],
                BadPayloadsCountedBy = ServiceNames.Stt,
            },
            _ when topic == Topics.Session.Started(Site) => Event(n => Element(new SessionStarted($"fuzz-{n}", Site, "text")), typed: true),
            _ when topic == Topics.Session.Ended(Site) => Event(n =>
                Element(new SessionEnded($"fuzz-{n}", Site, "done", null, null, null, new Dictionary<string, double>())), typed: true),
            Topics.Tts.Request => new GoodMessage(GoodKind.Event)
            {
                Payload = _ => Element(new TtsRequest("ok")),
                Typed = true,
                AnsweredOn = [Topics.Tts.Response],
                BadPayloads = [Element(new TtsRequest("")), Element(new TtsRequest("ok", RateWpm: 1_000_000)), Element(new TtsRequest("ok", Volume: -5))],
                BadPayloadsCountedBy = ServiceNames.Tts,
            },
            Topics.Devices.List => Event(_ => deviceList, typed: true),
            _ when topic == Topics.Devices.State(Site) => Event(_ => Element(new DeviceState(Site, "on")), typed: true),
            Topics.Ai.Request => new GoodMessage(GoodKind.Event) { Payload = _ => Element(new AiRequest("what time is it")), Typed = true, AnsweredOn = [Topics.Ai.Response] },
            _ when topic == Topics.Wake.Detected(Site) => Event(_ => Element(new WakeDetected(Site, "hey alicia", Envelope.UnixSeconds(DateTimeOffset.UtcNow))), typed: true),
            _ when topic == Topics.Session.Start(Site) => Event(_ => Element(new SessionStart("what time is it")), typed: true),
            Topics.Stt.Response => Event(_ => Element(new SttResponse("hello", 0.9, 1, 1)), typed: true),
            Topics.Stt.Error => Event(_ => Element(new SttError("no_speech", "nothing was said")), typed: true),
            Topics.Ai.Response => Event(_ => Element(new AiResponse("hello", false, null, [], 0, "Sorry?", [])), typed: true),
            Topics.Tts.Response => Event(_ => Element(new TtsResponse("", 0, 0, "en")), typed: false),
            _ => null,
        };
    }

    private static GoodMessage Event(Func<int, JsonElement> payload, bool typed) => new(GoodKind.Event) { Payload = payload, Typed = typed };

    private JsonElement Element<T>(T value) => json.ToElement(value);
}
