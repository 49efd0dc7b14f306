namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>What a word does for ideas: whether it is a topic answers are compared on, and where it may sit in a label.</summary>
internal enum IdeaWordClass : byte
{
    /// <summary>A topic (a content word or a concept of ThaiSynonyms.json): compared, and may start or end a label.</summary>
    Topic,

    /// <summary>A verb of change (เพิ่ม, ลด, พัฒนา): not compared; may start a label before a topic.</summary>
    Action,

    /// <summary>A noun that frames a topic (ระบบ, ปัญหา, กลไก): not compared; may start a label before a topic.</summary>
    Frame,

    /// <summary>การ or ความ: may start a label, never end one.</summary>
    Nominalizer,

    /// <summary>A function word, light verb, filler or noise word: only inside a label.</summary>
    Filler,

    /// <summary>A number or a single letter: only inside a label.</summary>
    Weak,
}
