namespace Alicia.Intents;

/// <summary>What a marker on a path through the word graph opens or closes.</summary>
internal enum MarkerKind : byte
{
    /// <summary>Start of a tagged slot; the argument is the slot name's string index.</summary>
    TagOpen,
    TagClose,

    /// <summary>Start of a substituted group; the argument is the value's string index.</summary>
    SubstitutionOpen,
    SubstitutionClose,

    /// <summary>Start of a number range; its words are read back as a number.</summary>
    NumberOpen,
    NumberClose,

    /// <summary>Start of a slot list entry; the argument is the list index.</summary>
    ListOpen,
    ListClose,
}
