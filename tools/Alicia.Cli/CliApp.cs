using Alicia.Bus;
using Alicia.Cli.Commands;

namespace Alicia.Cli;

/// <summary>Dispatches a verb, and turns every failure into one clear line and a non-zero exit code.</summary>
public static class CliApp
{
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new AskCommand(), new ListenCommand(), new SayCommand(), new TranscribeCommand(),
        new TailCommand(), new DevicesCommand(), new HealthCommand(), new SatelliteCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verb = args.Length > 0 ? args[0] : "help";
        var command = Commands.FirstOrDefault(c => c.Name == verb);
        if (command is null)
        {
            await error.WriteLineAsync(verb is "help" or "--help" or "-h"
                ? string.Join(Environment.NewLine, Commands.Select(c => c.Help))
                : $"alicia: unknown command '{verb}' (./alicia help lists them)");
            return verb is "help" or "--help" or "-h" ? 0 : 2;
        }

        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var arguments = new CliArguments(args.Skip(1));
            if (arguments.Help)
            {
                await output.WriteLineAsync(command.Help);
                return 0;
            }

            return await command.RunAsync(new CliContext(arguments, output, error, CliSettings.Load(arguments)), interrupted.Token);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"alicia {verb}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is CommandFailedException or CommandRejectedException or BusPublishException or TimeoutException)
        {
            await error.WriteLineAsync($"alicia {verb}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
