namespace MentorBot.Bot.Dialogs.Rendering;

public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one SMS, 153 per part when split.</summary>
    Gsm7,

    /// <summary>Any character outside GSM-7 (Arabic, Cyrillic, Ge'ez, emoji) switches the whole SMS: 70, then 67 per part.</summary>
    Ucs2,
}
