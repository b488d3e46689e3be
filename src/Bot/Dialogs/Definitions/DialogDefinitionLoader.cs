using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Bot.Dialogs.Definitions;

/// <summary>Reads <c>dialogs/&lt;id&gt;.yaml</c> files into validated <see cref="DialogDefinition"/>s.</summary>
public static class DialogDefinitionLoader
{
    public const int SupportedSpecVersion = 1;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyDictionary<string, DialogDefinition> LoadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToDictionary(definition => definition.Id, StringComparer.Ordinal);

    public static DialogDefinition LoadFile(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <param name="fileName">Used in error messages and checked against the dialog id.</param>
    public static DialogDefinition Parse(string yaml, string fileName)
    {
        DialogFileYaml? file;
        try
        {
            file = Deserializer.Deserialize<DialogFileYaml>(yaml);
        }
        catch (YamlException e)
        {
            // YamlDotNet wraps the useful part (e.g. "Property 'promt' not found") in InnerException.
            var reason = e.InnerException?.Message ?? e.Message;
            throw new DialogDefinitionException($"{fileName}: line {e.Start.Line}: {reason}", e);
        }

        if (file is null)
        {
            throw new DialogDefinitionException($"{fileName}: the file is empty");
        }

        return new DialogDefinitionValidator(fileName).Validate(file);
    }
}
