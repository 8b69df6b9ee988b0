using Alicia.Ai;
using Alicia.ConfigService;
using Alicia.Contracts;
using Alicia.DemoDevices;
using Alicia.DeviceRegistry;
using Alicia.Discovery;
using Alicia.HealthMonitor;
using Alicia.Stt;
using Alicia.Tts;
using Alicia.VoiceRouter;

namespace Alicia.Suite;

/// <summary>
/// Every service by name. Threads mode adds them all to one host, where each still has its own MQTT
/// connection, credential and ACL; processes mode and the containers add one each.
/// </summary>
public static class SuiteServices
{
    public const string DemoDevices = "demo-devices";

    public static IReadOnlyList<SuiteService> All { get; } =
    [
        new(ServiceNames.ConfigService, b => b.AddConfigService()),
        new(ServiceNames.HealthMonitor, b => b.AddHealthMonitor()),
        new(ServiceNames.Discovery, b => b.AddDiscovery()),
        new(ServiceNames.DeviceRegistry, b => b.AddDeviceRegistry()),
        new(ServiceNames.Stt, b => b.AddStt()),
        new(ServiceNames.Tts, b => b.AddTts()),
        new(ServiceNames.Ai, b => b.AddAi()),
        new(ServiceNames.VoiceRouter, b => b.AddVoiceRouter()),
        new(DemoDevices, b => b.AddDemoDevices()),
    ];

    /// <summary>"all", or a comma-separated list of service names.</summary>
    public static IReadOnlyList<SuiteService> Select(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names == "all")
        {
            return All;
        }

        return names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => All.FirstOrDefault(s => s.Name == name)
                ?? throw new ArgumentException($"unknown service '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}"))
            .ToList();
    }
}
