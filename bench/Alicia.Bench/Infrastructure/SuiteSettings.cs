using System.Globalization;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// What the suite needs to run against the bench broker, with its data in a scratch directory (the
/// checkout's own data and service settings are never touched). The same keys configure an in-process
/// host and, as ALICIA_ environment variables, the suite binary.
/// </summary>
public sealed class SuiteSettings : IDisposable
{
    private SuiteSettings(string dataDirectory, IReadOnlyDictionary<string, string?> values)
    {
        DataDirectory = dataDirectory;
        Values = values;
    }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string?> Values { get; }

    public static SuiteSettings For(MosquittoBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var data = Directory.CreateTempSubdirectory("alicia-bench-suite-").FullName;
        var serviceSettings = Path.Combine(data, "config-service");
        CopyDirectory(Repository.File("config", "services"), serviceSettings);
        var intents = Repository.File("config", "intents");
        return new SuiteSettings(data, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Bus:Host"] = broker.Host,
            ["Bus:Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            ["Bus:SecretsDirectory"] = broker.SecretsDirectory,
            ["Services:ai:IntentsDirectory"] = intents,
            ["Services:ai:DataDirectory"] = Path.Combine(data, "ai"),
            ["Services:stt:IntentsDirectory"] = intents,
            ["Services:device-registry:DataDirectory"] = Path.Combine(data, "device-registry"),
            ["Services:config-service:Directory"] = serviceSettings,
            ["Services:demo-devices:SecretsDirectory"] = broker.SecretsDirectory,
        });
    }

    /// <summary>The settings as the environment of a suite process (ALICIA_ prefix, ':' as '__'), logs in the scratch directory.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Environment()
    {
        foreach (var (key, value) in Values)
        {
            yield return new("ALICIA_" + key.Replace(":", "__", StringComparison.Ordinal), value);
        }

        yield return new("ALICIA_LOG_DIR", Path.Combine(DataDirectory, "logs"));
        yield return new("ALICIA_CONFIG", Repository.File("config", "alicia.json"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process that just exited may still hold a file for a moment; the temp folder is swept anyway.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
