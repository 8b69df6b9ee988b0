namespace Alicia.Cli.Commands;

/// <summary><c>ask "TEXT"</c>: a text-only dialogue session through the voice router.</summary>
public sealed class AskCommand : ICliCommand
{
    public string Name => "ask";

    public string Help => """
        ask "TEXT" [--site S] [--out reply.wav] [--timeout SECONDS] [--json]
            ask in writing, as if said after the wake word; prints the intent, slots, reply and timings
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--site", "--out", "--timeout", "--host", "--port", "--secrets", "--connect-timeout");
        var text = string.Join(' ', context.Arguments.Positionals).Trim();
        if (text.Length == 0)
        {
            throw CliException.Usage("what should I ask? ./alicia ask \"turn on the kitchen light\"");
        }

        var timeout = TimeSpan.FromSeconds(context.Arguments.Number("--timeout", 15));
        await using var conversation = await Conversation.OpenAsync(context, context.Arguments.Option("--site") ?? "cli", cancellationToken);
        var session = await conversation.StartAsync(text, timeout, cancellationToken);
        var result = await conversation.FinishAsync(session, timeout, context.Arguments.Option("--out"), cancellationToken);
        await Conversation.PrintAsync(context, result);
        return result.Reason == "nominal" ? 0 : 1;
    }
}
