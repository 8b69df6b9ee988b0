namespace Alicia.Audio;

/// <summary>Something the voice activity detector decided. Offsets count from the start of the stream.</summary>
/// <param name="DecidedAt">Stream position (end of the frame) at which the decision was made.</param>
public abstract record VadEvent(TimeSpan DecidedAt);
