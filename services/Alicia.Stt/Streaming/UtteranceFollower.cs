using Alicia.Audio;
using Alicia.Speech;
using Alicia.Stt.Recognition;

namespace Alicia.Stt.Streaming;

/// <summary>
/// Decodes the utterance a site's VAD is following while it is spoken, so that when the VAD closes it only the end
/// of the search is left. It sees every frame the VAD sees (<see cref="Append"/> before the VAD's Process) and keeps
/// a short history, because speech is confirmed only after <see cref="VadOptions.SpeechStartMs"/> and the utterance
/// begins <see cref="VadOptions.PreRollMs"/> before that.
/// </summary>
/// <remarks>
/// The decoder is fed the utterance's own audio and nothing beyond it: it stays a fixed lag behind the stream, the
/// silence window minus the trailing audio, which is exactly how far the end of the utterance audio lies before the
/// point where the VAD decides the utterance is over. What is left at that point (the unfed remainder, if any) comes
/// from the utterance audio itself. When no decoder is free at the start, or the stream and the utterance disagree
/// (an utterance cut at the maximum length), the caller decodes the whole utterance as before.
/// Not thread-safe: driven by the site's worker.
/// </remarks>
internal sealed class UtteranceFollower : IDisposable
{
    private readonly UtteranceTranscriber _transcriber;
    private readonly bool _enabled;
    private readonly int _sampleRate;
    private readonly long _historySamples;
    private readonly long _preRollSamples;
    private readonly long _lagSamples;
    private readonly Queue<(long Start, short[] Samples)> _recent = new();

    private long _position;
    private long _handedOutUntil;
    private PooledUtterance? _utterance;
    private long _utteranceStart;
    private long _fedUntil;

    public UtteranceFollower(UtteranceTranscriber transcriber, VadOptions vad, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(vad);
        _transcriber = transcriber;
        _enabled = enabled;
        _sampleRate = vad.SampleRate;
        var frame = vad.FrameSamples;
        var startFrames = (vad.SpeechStartMs + vad.FrameMs - 1) / vad.FrameMs;
        var gapFrames = vad.SpeechStartGapMs / vad.FrameMs;
        var silenceFrames = (vad.SilenceEndMs + vad.FrameMs - 1) / vad.FrameMs;
        _preRollSamples = Samples(vad.PreRollMs);

        // The longest the VAD can take to confirm a start (voiced frames with tolerated gaps between them), plus the pre-roll.
        _historySamples = ((startFrames + ((long)(startFrames - 1) * gapFrames) + 1) * frame) + _preRollSamples;
        _lagSamples = Math.Max(0, ((long)silenceFrames * frame) - Samples(vad.TrailingMs));
    }

    /// <summary>Whether an utterance is being decoded as it comes.</summary>
    public bool IsDecoding => _utterance is not null;

    /// <summary>The next frame of the stream, before the VAD sees it.</summary>
    public void Append(ReadOnlySpan<short> frame)
    {
        if (!_enabled)
        {
            return;
        }

        _recent.Enqueue((_position, frame.ToArray()));
        _position += frame.Length;
        if (_utterance is not null)
        {
            Feed(_position - _lagSamples);
        }

        // Keep the history, and while decoding everything not yet fed.
        var keepFrom = Math.Min(_position - _historySamples, _utterance is null ? long.MaxValue : _fedUntil);
        while (_recent.TryPeek(out var oldest) && oldest.Start + oldest.Samples.Length <= keepFrom)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>The VAD confirmed speech: take a decoder, if one is free, and catch up with the audio so far.</summary>
    public void Started(SpeechStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        Cancel();
        if (!_enabled)
        {
            return;
        }

        var start = Math.Max(_handedOutUntil, Samples(started.SpeechStart) - _preRollSamples);
        if (!_recent.TryPeek(out var oldest) || oldest.Start > start)
        {
            return;
        }

        _utterance = _transcriber.TryStartUtterance();
        _utteranceStart = start;
        _fedUntil = start;
        if (_utterance is not null)
        {
            Feed(_position - _lagSamples);
        }
    }

    /// <summary>
    /// The VAD closed the utterance: the transcript of what was decoded while it was spoken, or null when it was not
    /// followed or was its decoder's first (the caller decodes <see cref="UtteranceEnded.Audio"/> as a whole).
    /// </summary>
    /// <exception cref="UnusableAudioException">Nothing in the grammar matched, or the engine failed.</exception>
    public Transcript? Finish(UtteranceEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var audioStart = Samples(ended.AudioStart);
        var audio = ended.Audio.Samples;
        _handedOutUntil = audioStart + audio.Length;
        var utterance = _utterance;
        _utterance = null;
        if (utterance is null)
        {
            return null;
        }

        var fed = _fedUntil - _utteranceStart;
        if (audioStart != _utteranceStart || fed > audio.Length)
        {
            utterance.Dispose();
            return null;
        }

        utterance.Feed(audio.AsSpan((int)fed));
        if (utterance.IsFirstOnDecoder)
        {
            // Streaming this utterance has adapted the decoder's running normalization to the input, but its own
            // transcript was decoded before that (it once heard "turn off" as "turn on"): the caller decodes it again
            // as a whole. Only each decoder's first utterance pays for that.
            EndQuietly(utterance);
            return null;
        }

        return UtteranceTranscriber.Finish(utterance);
    }

    /// <summary>The utterance was dropped (too short for speech): free the decoder.</summary>
    public void Cancel()
    {
        _utterance?.Dispose();
        _utterance = null;
    }

    /// <summary>The VAD was reset: positions start again at zero.</summary>
    public void Reset()
    {
        Cancel();
        _recent.Clear();
        _position = 0;
        _handedOutUntil = 0;
    }

    public void Dispose() => Cancel();

    private void Feed(long until)
    {
        try
        {
            FeedRecent(until);
        }
        catch (SpeechEngineException)
        {
            // The whole-utterance decode at the end reports the failure, with the utterance it concerns.
            Cancel();
        }
    }

    private void FeedRecent(long until)
    {
        foreach (var (start, samples) in _recent)
        {
            if (_fedUntil >= until)
            {
                break;
            }

            var end = start + samples.Length;
            if (end <= _fedUntil)
            {
                continue;
            }

            var from = (int)(_fedUntil - start);
            var to = (int)(Math.Min(end, until) - start);
            _utterance!.Feed(samples.AsSpan(from, to - from));
            _fedUntil = start + to;
        }
    }

    private static void EndQuietly(PooledUtterance utterance)
    {
        try
        {
            utterance.End();
        }
        catch (SpeechEngineException)
        {
            // The whole-utterance decode that follows reports it.
        }
    }

    private long Samples(int milliseconds) => (long)_sampleRate * milliseconds / 1000;

    private long Samples(TimeSpan offset) => (long)Math.Round(offset.Ticks * (double)_sampleRate / TimeSpan.TicksPerSecond);
}
