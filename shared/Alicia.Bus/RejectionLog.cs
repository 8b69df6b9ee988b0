using Microsoft.Extensions.Logging;

namespace Alicia.Bus;

/// <summary>
/// One clear log line per refused message, but at most a few per second: a flood of garbage must
/// not drown the log (every rejection is still counted in the metrics).
/// </summary>
public sealed class RejectionLog(ILogger logger, TimeProvider time)
{
    private const int LinesPerSecond = 20;
    private readonly Lock _lock = new();
    private long _windowStart;
    private int _linesInWindow;
    private int _suppressed;

    public void Rejected(string topic, Rejection rejection)
    {
        if (TryTakeLine(out var suppressed))
        {
            logger.LogWarning("Rejected message on {Topic}: {Reason}: {Detail}{Suppressed}", topic, rejection.Reason, rejection.Detail, Note(suppressed));
        }
    }

    public void Dropped(string topic, string detail)
    {
        if (TryTakeLine(out var suppressed))
        {
            logger.LogWarning("Dropped message on {Topic}: {Detail}{Suppressed}", topic, detail, Note(suppressed));
        }
    }

    private bool TryTakeLine(out int suppressed)
    {
        lock (_lock)
        {
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            suppressed = 0;
            if (second != _windowStart)
            {
                suppressed = _suppressed;
                _windowStart = second;
                _linesInWindow = 0;
                _suppressed = 0;
            }

            if (_linesInWindow++ < LinesPerSecond)
            {
                return true;
            }

            _suppressed++;
            return false;
        }
    }

    private static string Note(int suppressed) => suppressed == 0 ? "" : $" ({suppressed} similar lines suppressed in the previous second)";
}
