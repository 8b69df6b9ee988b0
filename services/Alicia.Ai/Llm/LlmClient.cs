using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alicia.Ai.Devices;
using Alicia.Contracts.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.Ai.Llm;

/// <summary>
/// Asks an OpenAI-compatible chat-completions endpoint about a sentence the templates did not
/// cover, offering the devices as a <c>control_device</c> tool. Never throws for the endpoint's
/// sake: not configured, unreachable, slow or nonsensical all give null, and the local answer stands.
/// </summary>
public sealed class LlmClient(IHttpClientFactory httpClients, IOptions<AiOptions> options, ILogger<LlmClient> logger)
{
    public const string HttpClientName = "alicia-ai-llm";
    public const string ToolName = "control_device";

    private static readonly string[] Actions =
    [
        DeviceActions.TurnOn, DeviceActions.TurnOff, DeviceActions.Toggle, DeviceActions.SetBrightness,
        DeviceActions.SetTemperature, DeviceActions.Open, DeviceActions.Close, DeviceActions.Lock, DeviceActions.Unlock,
    ];

    public bool IsConfigured => options.Value.Llm.IsConfigured;

    public async Task<LlmAnswer?> TryAskAsync(string text, DeviceDirectory devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var llm = options.Value.Llm;
        if (!llm.IsConfigured)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(llm.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(llm.BaseUrl!))
            {
                Content = JsonContent.Create(BuildRequest(llm.Model!, text, devices), LlmJson.Default.ChatRequest),
            };
            if (await ApiKeyAsync(llm, deadline.Token) is { } key)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("LLM at {Url} answered {Status}; using the local answer", llm.BaseUrl, (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync(LlmJson.Default.ChatResponse, deadline.Token);
            return body is null ? null : Interpret(body, devices);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("LLM at {Url} did not answer within {Timeout}; using the local answer", llm.BaseUrl, llm.Timeout);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or NotSupportedException)
        {
            logger.LogWarning("LLM at {Url} failed: {Error}; using the local answer", llm.BaseUrl, e.Message);
            return null;
        }
    }

    public static Uri Endpoint(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl.TrimEnd('/') + "/chat/completions", UriKind.Absolute);
    }

    public static ChatRequest BuildRequest(string model, string text, DeviceDirectory devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var prompt = new StringBuilder()
            .AppendLine("You are Alicia, an offline home voice assistant. Answer in one short spoken sentence.")
            .AppendLine($"To control a device, call {ToolName}; never claim to have done something without calling it.")
            .AppendLine("Devices (id: name, type):");
        foreach (var device in devices.Devices)
        {
            prompt.AppendLine($"- {device.Id}: {DeviceDirectory.SpokenName(device)}, {device.Type}{(device.Dimmable ? ", dimmable" : "")}{(device.Area is null ? "" : $", in the {device.Area}")}");
        }

        var tool = new ChatTool("function", new ToolFunction(
            ToolName,
            "Switches, dims, sets or locks one device of the home.",
            new ToolParameters(
                "object",
                new Dictionary<string, ToolParameter>
                {
                    ["device_id"] = new("string", "The id of the device.", devices.Devices.Select(d => d.Id).ToList()),
                    ["action"] = new("string", "What to do.", Actions),
                    ["value"] = new("number", "Brightness in percent (0-100) or temperature in degrees, for set_brightness and set_temperature."),
                },
                ["device_id", "action"])));
        return new ChatRequest(model, [new ChatMessage("system", prompt.ToString()), new ChatMessage("user", text)], [tool]);
    }

    private LlmAnswer? Interpret(ChatResponse response, DeviceDirectory devices)
    {
        var message = response.Choices.Count > 0 ? response.Choices[0].Message : null;
        if (message is null)
        {
            return null;
        }

        var commands = new List<DeviceCommand>();
        foreach (var call in message.ToolCalls ?? [])
        {
            if (ToCommand(call, devices) is { } command)
            {
                commands.Add(command);
            }
        }

        var text = string.IsNullOrWhiteSpace(message.Content) ? null : message.Content.Trim();
        return text is null && commands.Count == 0 ? null : new LlmAnswer(text, commands);
    }

    private DeviceCommand? ToCommand(ToolCall call, DeviceDirectory devices)
    {
        if (call.Function.Name != ToolName || string.IsNullOrWhiteSpace(call.Function.Arguments))
        {
            logger.LogWarning("LLM called unknown tool {Tool}; ignored", call.Function.Name);
            return null;
        }

        ControlDeviceArguments? arguments;
        try
        {
            arguments = JsonSerializer.Deserialize(call.Function.Arguments, LlmJson.Default.ControlDeviceArguments);
        }
        catch (JsonException e)
        {
            logger.LogWarning("LLM tool arguments are not valid JSON ({Error}); ignored", e.Message);
            return null;
        }

        // The model only proposes: unknown devices and actions never reach the registry.
        if (arguments is null || devices.Find(arguments.DeviceId) is null || !Actions.Contains(arguments.Action))
        {
            logger.LogWarning("LLM asked for {Action} on {Device}, which does not exist; ignored", arguments?.Action, arguments?.DeviceId);
            return null;
        }

        return new DeviceCommand(arguments.DeviceId, arguments.Action, arguments.Value);
    }

    private static async Task<string?> ApiKeyAsync(LlmOptions llm, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(llm.ApiKeyFile) ? null : (await File.ReadAllTextAsync(llm.ApiKeyFile, cancellationToken)).Trim();
}
