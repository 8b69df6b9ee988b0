namespace Alicia.Audio.Tests;

/// <summary>Feeds a whole signal through a detector frame by frame and collects what it reports.</summary>
internal static class VadRun
{
    public static List<VadEvent> Events(short[] signal, VadOptions? options = null, bool flush = false)
    {
        var detector = new VoiceActivityDetector(options);
        return Events(detector, signal, flush);
    }

    public static List<VadEvent> Events(VoiceActivityDetector detector, short[] signal, bool flush = false)
    {
        var events = new List<VadEvent>();
        for (int at = 0; at + detector.FrameSamples <= signal.Length; at += detector.FrameSamples)
        {
            if (detector.Process(signal.AsSpan(at, detector.FrameSamples)) is { } happened)
            {
                events.Add(happened);
            }
        }

        if (flush && detector.Flush() is { } last)
        {
            events.Add(last);
        }

        return events;
    }

    public static string Describe(IEnumerable<VadEvent> events) => string.Join(", ", events);
}
