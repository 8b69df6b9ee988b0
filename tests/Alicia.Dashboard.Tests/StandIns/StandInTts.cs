using System.Buffers.Binary;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Dashboard.Tests.StandIns;

/// <summary>Plays the TTS service's part until the real one can be hosted here: answers every request with a short quiet WAV.</summary>
public sealed class StandInTts(BusClientFactory bus) : BusServiceWrapper(bus, ServiceNames.Tts)
{
    private const int SampleRate = 16000;

    protected override void ConfigureRoutes(BusClient bus) =>
        bus.OnCommand<TtsRequest, TtsResponse>(Topics.Tts.Request, async (m, ct) =>
        {
            var wav = QuietWav(TimeSpan.FromMilliseconds(300));
            if (m.SiteId is { } site)
            {
                await Bus.PublishBinaryAsync(Topics.Tts.Audio(site), wav, cancellationToken: ct);
            }

            return new TtsResponse(Convert.ToBase64String(wav), 0.3, 1, "stand-in");
        });

    /// <summary>16 kHz mono 16-bit PCM WAV of a soft tone (not silence, so a player has something to play).</summary>
    private static byte[] QuietWav(TimeSpan length)
    {
        var samples = (int)(SampleRate * length.TotalSeconds);
        var wav = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(1000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), value);
        }

        return wav;
    }
}
