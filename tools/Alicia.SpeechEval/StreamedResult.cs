namespace Alicia.SpeechEval;

/// <summary>What a streamed site reported for one utterance, with the decoding cost and the wait after the VAD closed it.</summary>
/// <param name="ClosedToTranscriptMs">From the VAD's decision (utterance_closed_at) to the transcript, by the clock.</param>
internal sealed record StreamedResult(string Text, string? Error, TimeSpan DecodeTime, TimeSpan DecodeCpuTime, TimeSpan FinishTime, double ClosedToTranscriptMs);
