namespace Alicia.Speech.Evaluation;

/// <summary>
/// A small home-assistant grammar and sentences it accepts, used to measure recognition accuracy and speed.
/// </summary>
public static class SampleGrammar
{
    public const string Jsgf = """
        #JSGF V1.0;
        grammar home;

        <device> = kitchen light | bedroom light | living room lamp | hallway light;
        <room> = kitchen | bedroom | living room;
        <minutes> = one | two | five | ten | fifteen | thirty;
        <percent> = ten | twenty | fifty | seventy five | one hundred;

        public <power> = (turn | switch) (on | off) [the] <device>;
        public <timer> = set [a] timer for <minutes> minutes | cancel [the] timer;
        public <time> = what time is it;
        public <brightness> = set [the] brightness [of] [the] <device> to <percent> percent;
        public <temperature> = set [the] temperature to (eighteen | twenty | twenty two) degrees
                             | what is the temperature in the <room>;
        public <music> = (play | pause | stop) [the] music;
        public <weather> = what is the weather [like] [today];
        """;

    /// <summary>Sentences the grammar accepts, covering every rule and most options.</summary>
    public static IReadOnlyList<string> Sentences { get; } =
    [
        "turn on the kitchen light",
        "turn off the bedroom light",
        "switch on the living room lamp",
        "switch off hallway light",
        "set a timer for five minutes",
        "set timer for ten minutes",
        "set a timer for thirty minutes",
        "cancel the timer",
        "what time is it",
        "set the brightness of the kitchen light to fifty percent",
        "set brightness of the bedroom light to ten percent",
        "set the brightness of the living room lamp to seventy five percent",
        "set the brightness of the hallway light to one hundred percent",
        "set the temperature to twenty two degrees",
        "set temperature to eighteen degrees",
        "what is the temperature in the living room",
        "what is the temperature in the kitchen",
        "play the music",
        "pause music",
        "stop the music",
        "what is the weather like today",
        "what is the weather",
    ];

    /// <summary>The espeak-ng voices of the evaluation matrix: two accents, a female and a low male variant.</summary>
    public static IReadOnlyList<string> Voices { get; } = ["en-us", "en-gb", "en+f3", "en-us+m7"];

    /// <summary>Speaking rates (words per minute) of the evaluation matrix: slow, normal, fast.</summary>
    public static IReadOnlyList<int> Rates { get; } = [150, 175, 200];
}
