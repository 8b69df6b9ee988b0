namespace Alicia.Speech.Interop;

/// <summary>Expands a JSGF grammar into a <see cref="WordGraph"/> with sphinxbase's own JSGF parser and expansion.</summary>
internal static class JsgfCompiler
{
    /// <summary>The graph of the grammar's public rule (the first, if there are several), or null when it does not parse.</summary>
    /// <remarks>
    /// sphinxbase writes probabilities with six decimals, so one below 5e-7 (a choice among millions) would read back
    /// as impossible; such a grammar gives null as well, and the caller falls back on pocketsphinx's own expansion.
    /// </remarks>
    public static WordGraph? Compile(string jsgf)
    {
        ArgumentNullException.ThrowIfNull(jsgf);
        var logMath = SphinxBaseNative.CreateLogMath(1.0001, 0, 0);
        var grammar = SphinxBaseNative.ParseJsgf(jsgf, IntPtr.Zero);
        try
        {
            var rule = grammar == IntPtr.Zero ? IntPtr.Zero : SphinxBaseNative.PublicRule(grammar);
            if (rule == IntPtr.Zero)
            {
                return null;
            }

            var fsg = SphinxBaseNative.BuildFsg(grammar, rule, logMath, 1);
            if (fsg == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var graph = WordGraph.Parse(CStream.Capture(stream => SphinxBaseNative.WriteFsg(fsg, stream)));
                return graph.Transitions.Any(t => t.Probability == 0) ? null : graph;
            }
            finally
            {
                _ = SphinxBaseNative.FreeFsg(fsg);
            }
        }
        finally
        {
            if (grammar != IntPtr.Zero)
            {
                SphinxBaseNative.FreeJsgf(grammar);
            }

            _ = SphinxBaseNative.FreeLogMath(logMath);
        }
    }
}
