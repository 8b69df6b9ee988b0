using Alicia.Ai.Devices;
using Alicia.Ai.Dialogue;
using Alicia.Ai.Language;
using Alicia.Ai.Llm;
using Alicia.Ai.Timers;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;
using Alicia.Intents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alicia.Ai.Tests.Support;

/// <summary>The assistant over the shipped templates and the demo devices, with a fake commander and a clock the test controls.</summary>
internal sealed class TestAssistant : IDisposable
{
    private static readonly Lazy<IntentTemplates> Templates = new(() => IntentTemplates.Load(Repo.IntentsDirectory));

    public TestAssistant(DeviceList? devices = null, TimeProvider? time = null, AiOptions? options = null)
    {
        Time = time ?? new ManualTime(new DateTimeOffset(2025, 3, 4, 15, 7, 0, TimeSpan.Zero));
        options ??= new AiOptions();
        DataDirectory = Directory.CreateTempSubdirectory("alicia-ai-test-").FullName;
        Timers = new TimerScheduler(new TimerStore(DataDirectory), Time, NullLogger<TimerScheduler>.Instance);
        var commands = new DeviceCommands(Commander, States, Time);
        Assistant = new Assistant(
            LanguageModel.Compile(Templates.Value, new DeviceDirectory((devices ?? DemoDevices.List).Devices), options.MinConfidence),
            new ConversationStore(Time, options.ContextTimeout),
            new DeviceIntents(commands, States),
            commands,
            new TimerIntents(Timers),
            new InfoIntents(Time),
            new LlmClient(new PlainHttpClients(), Options.Create(options), NullLogger<LlmClient>.Instance),
            Time);
    }

    public static IntentTemplates DefaultTemplates => Templates.Value;

    public TimeProvider Time { get; }

    public string DataDirectory { get; }

    public FakeCommander Commander { get; } = new();

    public DeviceStates States { get; } = new();

    public TimerScheduler Timers { get; }

    public Assistant Assistant { get; }

    public async Task<AiResponse> AskAsync(string text, string? session = "s1", string? site = "kitchen") =>
        (await Assistant.HandleAsync(new TurnRequest(text, session, site), CancellationToken.None)).Response;

    public void Dispose()
    {
        Timers.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
