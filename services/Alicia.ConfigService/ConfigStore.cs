using System.Text;
using System.Text.Json;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.ConfigService;

/// <summary>
/// Every service's current settings, read from <c>{directory}/{service}.json</c> and kept there: an update is
/// validated against the service's schema, merged, and written atomically before it counts. Thread-safe.
/// </summary>
public sealed class ConfigStore(string directory, TimeProvider time)
{
    private static readonly JsonDocumentOptions FileOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, ServiceConfig> _configs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _broken = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Directory => directory;

    /// <summary>The services that have a valid file, with their settings.</summary>
    public IReadOnlyList<ServiceConfig> Configured
    {
        get
        {
            lock (_lock)
            {
                return [.. _configs.Values.OrderBy(c => c.Service, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Reads every <c>*.json</c> in the directory; returns one line per file it could not use.</summary>
    public IReadOnlyList<string> Load()
    {
        var problems = new List<string>();
        lock (_lock)
        {
            _configs.Clear();
            _broken.Clear();
            foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var service = Path.GetFileNameWithoutExtension(path);
                if (!ServiceNames.Services.Contains(service))
                {
                    problems.Add($"{path}: no service is called '{service}'; ignored");
                    continue;
                }

                if (Read(path, service) is { } problem)
                {
                    _broken[service] = problem;
                    problems.Add($"{path}: {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>A known service's settings; an empty object when it has no file (it runs on its own defaults).</summary>
    public ServiceConfig Current(string service)
    {
        lock (_lock)
        {
            RequireUsable(service);
            return _configs.TryGetValue(service, out var config)
                ? config
                : new ServiceConfig(service, JsonElement.Parse("{}"), 0);
        }
    }

    /// <summary>Validates, merges and persists <paramref name="update"/>; nothing changes when it is refused.</summary>
    public ServiceConfig Update(string service, JsonElement update)
    {
        lock (_lock)
        {
            RequireUsable(service);
            var problems = ConfigSchemas.For(service).Problems(update, allowRemovals: true);
            if (problems.Count > 0)
            {
                throw new InvalidConfigException($"{service}: {string.Join("; ", problems)}");
            }

            var current = _configs.TryGetValue(service, out var known) ? known.Settings : JsonElement.Parse("{}");
            var merged = SettingsMerge.Apply(current, update);
            // Indented, as people read and diff these files.
            AtomicFile.Write(PathOf(service), Encoding.UTF8.GetBytes(merged.GetRawText() + "\n"));
            var config = new ServiceConfig(service, merged, Envelope.UnixSeconds(time.GetUtcNow()));
            _configs[service] = config;
            return config;
        }
    }

    private string PathOf(string service) => Path.Combine(directory, service + ".json");

    private void RequireUsable(string service)
    {
        if (!ServiceNames.Services.Contains(service))
        {
            throw new InvalidConfigException($"no service is called '{service}' (services: {string.Join(", ", ServiceNames.Services)})");
        }

        if (_broken.TryGetValue(service, out var problem))
        {
            // Overwriting a hand-edited file nobody could read would silently lose what it meant to say.
            throw new InvalidConfigException($"{PathOf(service)} is invalid ({problem}); fix the file and restart the config service");
        }
    }

    private string? Read(string path, string service)
    {
        JsonElement settings;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), FileOptions);
            settings = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"not JSON: {e.Message}";
        }

        var problems = ConfigSchemas.For(service).Problems(settings, allowRemovals: false);
        if (problems.Count > 0)
        {
            return string.Join("; ", problems);
        }

        _configs[service] = new ServiceConfig(service, settings, Envelope.UnixSeconds(File.GetLastWriteTimeUtc(path)));
        return null;
    }
}
