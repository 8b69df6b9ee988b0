namespace Alicia.Intents;

/// <summary>
/// Levenshtein distance between one heard word and many template words, with the bit-parallel
/// algorithm of Myers (as formulated by Hyyrö): the heard word's letter positions are turned into
/// bit masks once, after which each comparison costs one step per letter of the template word.
/// Fuzzy matching compares every heard word with much of the vocabulary, so this is its hot loop.
/// </summary>
internal sealed class WordDistance
{
    private readonly ulong[] _masks = new ulong[128];
    private string _heard = string.Empty;
    private bool _bitParallel;

    /// <summary>Prepares for comparisons with <paramref name="heard"/>.</summary>
    public void SetHeard(string heard)
    {
        Array.Clear(_masks);
        _heard = heard;
        _bitParallel = heard.Length is > 0 and <= 64;
        for (var i = 0; i < heard.Length && _bitParallel; i++)
        {
            if (heard[i] >= 128)
            {
                _bitParallel = false;
            }
            else
            {
                _masks[heard[i]] |= 1UL << i;
            }
        }
    }

    public int To(string expected)
    {
        if (!_bitParallel)
        {
            return EditCosts.LetterDistance(expected, _heard);
        }

        var m = _heard.Length;
        var last = 1UL << (m - 1);
        var positive = m == 64 ? ulong.MaxValue : (1UL << m) - 1;
        var negative = 0UL;
        var score = m;
        foreach (var c in expected)
        {
            var equal = c < 128 ? _masks[c] : 0UL;
            var xv = equal | negative;
            var xh = (((equal & positive) + positive) ^ positive) | equal;
            var ph = negative | ~(xh | positive);
            var mh = positive & xh;
            if ((ph & last) != 0)
            {
                score++;
            }
            else if ((mh & last) != 0)
            {
                score--;
            }

            ph = (ph << 1) | 1;
            mh <<= 1;
            positive = mh | ~(xv | ph);
            negative = ph & xv;
        }

        return score;
    }
}
