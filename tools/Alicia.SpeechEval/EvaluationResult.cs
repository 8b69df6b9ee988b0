namespace Alicia.SpeechEval;

/// <summary>
/// The evaluation's figures. Speed factor = audio duration / decode time (60 means a minute of speech decodes in a
/// second); the real-time factor is its inverse. CPU figures use the process's CPU time, so they do not suffer when
/// other programs share the machine; wall figures are what a user waits.
/// </summary>
public sealed record EvaluationResult(
    string Grammar,
    int Sentences,
    int Utterances,
    double SentenceAccuracy,
    double WordAccuracy,
    double IntentAccuracy,
    double AudioSeconds,
    double SpeedFactorWall,
    double SpeedFactorCpu,
    double RealTimeFactorWall,
    int TwoSecondUtterances,
    double TwoSecondDecodeMsMedian,
    double TwoSecondDecodeMsP95,
    double TtsShortSentenceMsMedian,
    IReadOnlyList<VoiceRateAccuracy> ByVoiceAndRate,
    IReadOnlyList<UtteranceResult> Failures);
