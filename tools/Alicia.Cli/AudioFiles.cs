using Alicia.Audio;

namespace Alicia.Cli;

internal static class AudioFiles
{
    /// <summary>Reads a WAV the user named, in the speech format, or says clearly why not.</summary>
    public static async Task<AudioClip> ReadSpeechAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        try
        {
            return Resampler.ToSpeechFormat(Wav.Read(await File.ReadAllBytesAsync(path, cancellationToken)));
        }
        catch (InvalidAudioException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }
}
