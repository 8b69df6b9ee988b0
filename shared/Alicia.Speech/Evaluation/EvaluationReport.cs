using System.Globalization;
using System.Text;

namespace Alicia.Speech.Evaluation;

/// <summary>Accuracy and speed over a set of recognized utterances.</summary>
public sealed record EvaluationReport(IReadOnlyList<UtteranceOutcome> Outcomes)
{
    public int Count => Outcomes.Count;

    /// <summary>Share of sentences recognized exactly (0..1).</summary>
    public double SentenceAccuracy => Count == 0 ? 0 : (double)Outcomes.Count(o => o.IsExact) / Count;

    /// <summary>1 - word error rate: word edit distance over all expected words (can go below 0 with many insertions).</summary>
    public double WordAccuracy
    {
        get
        {
            var words = Outcomes.Sum(o => o.ExpectedWords);
            return words == 0 ? 0 : 1.0 - ((double)Outcomes.Sum(o => o.WordErrors) / words);
        }
    }

    public TimeSpan TotalAudio => TimeSpan.FromTicks(Outcomes.Sum(o => o.AudioDuration.Ticks));

    public TimeSpan TotalDecodeTime => TimeSpan.FromTicks(Outcomes.Sum(o => o.DecodeTime.Ticks));

    public TimeSpan TotalDecodeCpuTime => TimeSpan.FromTicks(Outcomes.Sum(o => o.DecodeCpuTime.Ticks));

    /// <summary>
    /// Like <see cref="SpeedFactor"/> but from CPU time: what one idle core achieves, whatever else the machine is doing.
    /// </summary>
    public double CpuSpeedFactor => TotalDecodeCpuTime > TimeSpan.Zero ? TotalAudio / TotalDecodeCpuTime : double.PositiveInfinity;

    /// <summary>Wall-clock decode time over audio duration; below 1 is faster than real time.</summary>
    public double RealTimeFactor => TotalAudio > TimeSpan.Zero ? TotalDecodeTime / TotalAudio : 0;

    /// <summary>How many times faster than real time decoding ran (1 / <see cref="RealTimeFactor"/>).</summary>
    public double SpeedFactor => TotalDecodeTime > TimeSpan.Zero ? TotalAudio / TotalDecodeTime : double.PositiveInfinity;

    public IEnumerable<UtteranceOutcome> Failures => Outcomes.Where(o => !o.IsExact);

    /// <summary>Accuracy per voice, to see which voices the acoustic model struggles with.</summary>
    public IReadOnlyDictionary<string, double> SentenceAccuracyByVoice =>
        Outcomes.GroupBy(o => o.Voice).ToDictionary(g => g.Key, g => (double)g.Count(o => o.IsExact) / g.Count());

    /// <summary>A human-readable summary with one line per failure.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Count} utterances: sentence accuracy {SentenceAccuracy:P1}, word accuracy {WordAccuracy:P1}, " +
            $"{TotalAudio.TotalSeconds:F1} s audio decoded in {TotalDecodeTime.TotalMilliseconds:F0} ms " +
            $"(RTF {RealTimeFactor:F4}, {SpeedFactor:F0}x real time; CPU time {TotalDecodeCpuTime.TotalMilliseconds:F0} ms, {CpuSpeedFactor:F0}x)");
        foreach (var (voice, accuracy) in SentenceAccuracyByVoice)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {voice}: {accuracy:P1}");
        }

        foreach (var failure in Failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  MISS {failure.Voice}@{failure.RateWpm}: \"{failure.Expected}\" -> \"{failure.Recognized}\"");
        }

        return text.ToString();
    }
}
