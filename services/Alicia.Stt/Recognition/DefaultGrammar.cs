using Alicia.Intents;

namespace Alicia.Stt.Recognition;

/// <summary>
/// The grammar the service recognizes against until the AI publishes one: the default intents of
/// <c>config/intents</c> with the demo devices, or, when those templates cannot be found or compiled,
/// a small built-in grammar of the most common commands.
/// </summary>
public static class DefaultGrammar
{
    public const string IntentsVersion = "default-intents";
    public const string BuiltInVersion = "default-built-in";

    internal const string BuiltIn = """
        #JSGF V1.0;
        grammar alicia_default;
        public <command> = <switch> | <time> | stop | cancel | help;
        <switch> = (turn | switch) (on | off) [the] <device> | (turn | switch) [the] <device> (on | off);
        <device> = kitchen light | bedroom light | living room lamp;
        <time> = what time is it | what is the time;
        """;

    /// <summary>The default grammar and its version; <paramref name="problem"/> says why the built-in one was used.</summary>
    public static (string Jsgf, string Version) Build(string intentsDirectory, out string? problem)
    {
        problem = null;
        var directory = Locate(intentsDirectory);
        if (directory is null)
        {
            problem = $"intent templates '{intentsDirectory}' not found";
            return (BuiltIn, BuiltInVersion);
        }

        try
        {
            return (DemoDevices.Compile(IntentTemplates.Load(directory)).ToJsgf(), IntentsVersion);
        }
        catch (Exception e) when (e is IntentTemplateException or IOException or ArgumentException)
        {
            problem = $"intent templates in '{directory}' could not be compiled: {e.Message}";
            return (BuiltIn, BuiltInVersion);
        }
    }

    /// <summary>
    /// An absolute directory as given; a relative one is looked for above the working directory and above the
    /// program, so the service finds the repository's config/ whether it runs from the root or from bin/.
    /// </summary>
    public static string? Locate(string intentsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(intentsDirectory);
        if (Path.IsPathRooted(intentsDirectory))
        {
            return Directory.Exists(intentsDirectory) ? intentsDirectory : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, intentsDirectory);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
