using System.Collections.Concurrent;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;

namespace Alicia.Cli.Commands;

/// <summary><c>devices</c>: the device registry's list with live state, and control.</summary>
public sealed class DevicesCommand : ICliCommand
{
    public string Name => "devices";

    public string Help => """
        devices [list] [--json]
        devices add ID "NAME" TYPE [--area A] [--command-topic T] [--state-topic T]
                                                     TYPE: light switch sensor binary_sensor climate cover lock
        devices remove ID
        devices control DEVICE_ID ACTION [VALUE]     e.g. devices control kitchen_light turn_on
                                                     actions: turn_on turn_off toggle set_brightness set_temperature open close lock unlock
            list devices with their state, add or remove one by hand, or send one a command
        """;

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--wait", "--area", "--command-topic", "--state-topic", "--host", "--port", "--secrets", "--connect-timeout");
        return context.Arguments.Positionals.FirstOrDefault() switch
        {
            null or "list" => ListAsync(context, cancellationToken),
            "control" => ControlAsync(context, cancellationToken),
            "add" => ChangeAsync(context, Topics.Registry.Add, AddDefinition(context.Arguments), "added", cancellationToken),
            "remove" => ChangeAsync(context, Topics.Registry.Remove,
                Json(w => w.WriteString("id", context.Arguments.Positional(1, "the device id"))), "removed", cancellationToken),
            var other => throw CliException.Usage($"unknown devices subcommand '{other}' (list, add, remove, control)"),
        };
    }

    private static async Task<int> ListAsync(CliContext context, CancellationToken cancellationToken)
    {
        var list = new TaskCompletionSource<DeviceList>(TaskCreationOptions.RunContinuationsAsynchronously);
        var states = new ConcurrentDictionary<string, DeviceState>();
        await using var bus = await CliBus.ConnectAsync(context, b =>
        {
            b.OnEvent<DeviceList>(Topics.Devices.List, (m, _) => Task.FromResult(list.TrySetResult(m.Payload)));
            b.OnEvent<DeviceState>(Topics.Devices.AllState, (m, _) => Task.FromResult(states[m.Payload.DeviceId] = m.Payload));
        }, cancellationToken);

        DeviceList devices;
        try
        {
            devices = await list.Task.WaitAsync(TimeSpan.FromSeconds(context.Arguments.Number("--wait", 2)), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new CliException("no device list on alicia/devices/list: is the device registry running? (./alicia health)");
        }

        await Task.Delay(200, cancellationToken); // retained states arrive right behind the list
        var rows = devices.Devices
            .Select(d => states.TryGetValue(d.Id, out var s)
                ? new DeviceRow(d.Id, d.Name, d.Type, d.Area, s.State, s.Brightness, s.Temperature ?? s.TargetTemperature)
                : new DeviceRow(d.Id, d.Name, d.Type, d.Area, "unknown", null, null))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        if (context.Json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Default.ListDeviceRow));
            return 0;
        }

        await context.Out.WriteLineAsync($"{"ID",-24} {"NAME",-22} {"TYPE",-8} {"STATE",-10} DETAIL");
        foreach (var row in rows)
        {
            var detail = row.Brightness is { } b ? $"brightness {b:0}%" : row.Temperature is { } t ? $"{t:0.#} °C" : "";
            await context.Out.WriteLineAsync($"{row.Id,-24} {row.Name,-22} {row.Type,-8} {row.State,-10} {detail}");
        }

        return 0;
    }

    private static async Task<int> ChangeAsync(CliContext context, string topic, JsonElement payload, string done, CancellationToken cancellationToken)
    {
        await using var bus = await CliBus.ConnectAsync(context, cancellationToken: cancellationToken);
        var device = await bus.SendCommandAsync<JsonElement, DeviceInfo>(topic, payload, new CommandOptions { MaxAttempts = 3 }, cancellationToken);
        await context.Out.WriteLineAsync(context.Json ? JsonSerializer.Serialize(device, ContractsJson.Default.DeviceInfo) : $"{done} {device.Id} ({device.Name}, {device.Type})");
        return 0;
    }

    private static JsonElement AddDefinition(CliArguments arguments) => Json(w =>
    {
        w.WriteString("id", arguments.Positional(1, "the device id, e.g. porch_light"));
        w.WriteString("name", arguments.Positional(2, "the device name, e.g. \"porch light\""));
        w.WriteString("type", arguments.Positional(3, "the device type, e.g. switch"));
        if (arguments.Option("--area") is { } area)
        {
            w.WriteString("area", area);
        }

        if (arguments.Option("--command-topic") is not null || arguments.Option("--state-topic") is not null)
        {
            w.WriteStartObject("mqtt");
            if (arguments.Option("--command-topic") is { } command)
            {
                w.WriteString("command_topic", command);
            }

            if (arguments.Option("--state-topic") is { } state)
            {
                w.WriteString("state_topic", state);
            }

            w.WriteEndObject();
        }
    });

    private static JsonElement Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    private static async Task<int> ControlAsync(CliContext context, CancellationToken cancellationToken)
    {
        var id = context.Arguments.Positional(1, "the device id (./alicia devices lists them)");
        var action = context.Arguments.Positional(2, "the action, e.g. turn_on");
        double? value = null;
        if (context.Arguments.Positionals.Count > 3)
        {
            value = double.TryParse(context.Arguments.Positionals[3], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                ? v
                : throw CliException.Usage($"value must be a number, not '{context.Arguments.Positionals[3]}'");
        }

        await using var bus = await CliBus.ConnectAsync(context, cancellationToken: cancellationToken);
        var result = await bus.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Devices.Control(id), new DeviceCommand(id, action, value),
            new CommandOptions { Priority = MessagePriority.Interactive, MaxAttempts = 3 }, cancellationToken);
        await context.Out.WriteLineAsync(context.Json
            ? JsonSerializer.Serialize(result, CliJson.Default.CommandResult)
            : result.Ok ? $"{id}: {action} done{(result.State is { } s ? $", now {s.State}" : "")}" : $"{id}: {action} failed: {result.Error}");
        return result.Ok ? 0 : 1;
    }
}
