namespace MentorBot.Bot.Dialogs.Definitions;

// The shape of a dialog file exactly as written, before validation. Everything is nullable so that a
// missing field becomes a clear validation message instead of a deserializer error.
internal sealed class DialogFileYaml
{
    public int? SpecVersion { get; set; }
    public string? Id { get; set; }
    public int? Version { get; set; }
    public string? Start { get; set; }
    public List<StepYaml>? Steps { get; set; }
}

internal sealed class StepYaml
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Prompt { get; set; }
    public string? Message { get; set; }
    public string? Retry { get; set; }
    public string? Store { get; set; }
    public string? Next { get; set; }
    public List<string>? Choices { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
    public int? MaxLength { get; set; }
    public bool? Optional { get; set; }
    public string? On { get; set; }
    public Dictionary<string, string>? Cases { get; set; }
    public string? Default { get; set; }
    public string? Action { get; set; }
    public Dictionary<string, string>? Args { get; set; }
    public string? Value { get; set; }
    public string? Dialog { get; set; }
    public string? OfferFirst { get; set; }
    public string? When { get; set; }
}
