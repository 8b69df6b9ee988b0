using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Testing;

namespace Alicia.DeviceRegistry.Tests.Support;

/// <summary>Reading what the registry publishes, as recorded by a <see cref="MessageRecorder"/>.</summary>
public static class Lists
{
    /// <summary>The newest device list seen (the registry publishes them in order), or null.</summary>
    public static DeviceList? Latest(MessageRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var last = recorder.Messages.LastOrDefault(m => m.Topic == Topics.Devices.List);
        return last is null ? null : TestClients.PayloadOf(last, ContractsJson.Default.DeviceList);
    }

    public static bool Has(MessageRecorder recorder, string deviceId) => Latest(recorder)?.Devices.Any(d => d.Id == deviceId) == true;

    public static DeviceInfo Device(MessageRecorder recorder, string deviceId) => Latest(recorder)!.Devices.Single(d => d.Id == deviceId);

    /// <summary>The newest state of a device seen on alicia/devices/state/{id}, or null.</summary>
    public static DeviceState? State(MessageRecorder recorder, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var last = recorder.Messages.LastOrDefault(m => m.Topic == Topics.Devices.State(deviceId));
        return last is null ? null : TestClients.PayloadOf(last, ContractsJson.Default.DeviceState);
    }
}
