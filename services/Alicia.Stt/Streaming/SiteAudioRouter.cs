using System.Buffers;
using System.Collections.Concurrent;
using Alicia.Stt.Recognition;
using Microsoft.Extensions.Logging;

namespace Alicia.Stt.Streaming;

/// <summary>
/// Hands each site's microphone chunks and session changes to that site's <see cref="SiteListener"/>,
/// creating listeners as sites appear (up to a limit: every listener holds a spotter model).
/// </summary>
public sealed class SiteAudioRouter : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SiteListener> _sites = new(StringComparer.Ordinal);
    private readonly UtteranceTranscriber _transcriber;
    private readonly ISiteEventSink _sink;
    private readonly int _maxSites;
    private readonly int _queueChunks;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Lock _creation = new();
    private readonly HashSet<string> _refusedSites = new(StringComparer.Ordinal);
    private ListeningSettings _settings;
    private long _refusedChunks;
    private bool _disposed;

    public SiteAudioRouter(UtteranceTranscriber transcriber, ISiteEventSink sink, ListeningSettings settings, int maxSites, int queueChunks, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _transcriber = transcriber;
        _sink = sink;
        _settings = settings;
        _maxSites = maxSites;
        _queueChunks = queueChunks;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SiteAudioRouter>();
    }

    public ListeningSettings Settings => _settings;

    public IReadOnlyCollection<string> Sites => [.. _sites.Keys];

    /// <summary>Chunks not processed: their site's queue was full, or there were too many sites.</summary>
    public long DroppedChunks => Interlocked.Read(ref _refusedChunks) + _sites.Values.Sum(s => s.DroppedChunks);

    /// <summary>
    /// A chunk from <c>alicia/voice/audio/{site}/frame</c>. Runs on the bus receive path: copies the bytes into
    /// the site's queue and returns.
    /// </summary>
    public void Receive(string topic, ReadOnlySequence<byte> payload)
    {
        var site = SiteOfFrameTopic(topic);
        if (site is null || payload.IsEmpty)
        {
            return;
        }

        var listener = Listener(site);
        if (listener is null)
        {
            Interlocked.Increment(ref _refusedChunks);
            return;
        }

        // A full queue drops the chunk and counts it in the listener.
        _ = listener.TryEnqueueAudio(payload.ToArray());
    }

    public void SessionStarted(string site, string sessionId, string mode) =>
        Listener(site)?.Post(new SiteInput.SessionOpened(sessionId, mode));

    public void SessionEnded(string site, string sessionId)
    {
        if (_sites.TryGetValue(site, out var listener))
        {
            listener.Post(new SiteInput.SessionClosed(sessionId));
        }
    }

    /// <summary>New wake word or VAD settings for every site, applied by each site's worker in turn.</summary>
    public void Reconfigure(ListeningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_creation)
        {
            _settings = settings;
            foreach (var listener in _sites.Values)
            {
                listener.Post(new SiteInput.Reconfigured(settings));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_creation)
        {
            _disposed = true;
        }

        foreach (var listener in _sites.Values)
        {
            await listener.DisposeAsync();
        }

        _sites.Clear();
    }

    /// <summary>The site of a frame topic (<c>alicia/voice/audio/{site}/frame</c>), or null for any other topic.</summary>
    internal static string? SiteOfFrameTopic(string topic)
    {
        var levels = topic.Split('/');
        return levels is ["alicia", "voice", "audio", var site, "frame"] && site.Length > 0 ? site : null;
    }

    private SiteListener? Listener(string site)
    {
        if (_sites.TryGetValue(site, out var existing))
        {
            return existing;
        }

        lock (_creation)
        {
            if (_disposed)
            {
                return null;
            }

            if (_sites.TryGetValue(site, out existing))
            {
                return existing;
            }

            if (_sites.Count >= _maxSites)
            {
                if (_refusedSites.Add(site))
                {
                    _logger.LogWarning("Site {Site} ignored: already {Count} sites (Services:stt:MaxSites)", site, _sites.Count);
                }

                return null;
            }

            var listener = new SiteListener(site, _settings, _transcriber, _sink, _queueChunks, _loggers.CreateLogger<SiteListener>());
            _sites[site] = listener;
            return listener;
        }
    }
}
