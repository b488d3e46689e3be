using YamlDotNet.Serialization;

namespace MentorBot.Bot.Coordinator;

/// <summary>
/// The console's own words in Danish and English (ConsoleTexts.yaml, embedded): staff texts, kept apart
/// from locales/, which holds what participants read. A missing key shows as the key, so it is noticed.
/// </summary>
public sealed class ConsoleTexts
{
    public static readonly string[] Languages = ["da", "en"];

    readonly Dictionary<string, Dictionary<string, string>> _texts;

    public ConsoleTexts()
    {
        using var stream = typeof(ConsoleTexts).Assembly.GetManifestResourceStream("MentorBot.Bot.ConsoleTexts.yaml")!;
        using var reader = new StreamReader(stream);
        _texts = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, string>>>(reader);
    }

    public IEnumerable<string> Keys => _texts.Keys;

    public string Get(string language, string key) =>
        _texts.TryGetValue(key, out var texts) ? texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault("en") ?? key : key;

    public bool Has(string language, string key) => _texts.TryGetValue(key, out var texts) && texts.ContainsKey(language);
}
