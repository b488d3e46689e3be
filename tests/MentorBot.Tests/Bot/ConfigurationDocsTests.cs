using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using MentorBot.Bot.Database;
using MentorBot.Data.Settings;
using MentorBot.Scheduler;
using MentorBot.Tests.Dialogs;

namespace MentorBot.Tests.Bot;

/// <summary>
/// docs/configuration.md and the code can't drift apart: every key an options class binds has a row there,
/// and every row of an options section is a key the code binds. The options classes are found by
/// <see cref="IOptionsSection"/> in the app's assemblies, so a new class or property is checked without a list here.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    /// <summary>Sections read by name rather than bound from an options class; their rows are checked by hand below.</summary>
    static readonly string[] SectionsReadByName = ["ConnectionStrings", "Logging"];

    static readonly Assembly[] AppAssemblies = [typeof(DatabaseSetup).Assembly, typeof(SchedulerOptions).Assembly, typeof(IOptionsSection).Assembly];

    public static IReadOnlyList<Type> OptionsClasses() =>
        AppAssemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IOptionsSection).IsAssignableFrom(type))
            .ToList();

    public static string SectionOf(Type options) => (string)options.GetProperty(nameof(IOptionsSection.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_options_class_is_bound_as_a_section()
    {
        var named = AppAssemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsPublic: true, IsAbstract: false } && type.Name.EndsWith("Options", StringComparison.Ordinal));

        Assert.Empty(named.Where(type => !typeof(IOptionsSection).IsAssignableFrom(type)).Select(type => type.FullName));
        Assert.True(OptionsClasses().Count >= 11, string.Join(", ", OptionsClasses().Select(type => type.Name)));
        Assert.Equal(OptionsClasses().Count, OptionsClasses().Select(SectionOf).Distinct().Count());
    }

    [Fact]
    public void Every_key_the_code_binds_has_a_row_in_docs_configuration_md()
    {
        var documented = DocumentedKeys();

        Assert.Empty(CodeKeys().Except(documented));
        Assert.Contains($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", documented);
    }

    [Fact]
    public void Every_row_in_docs_configuration_md_is_a_key_the_code_reads()
    {
        var sections = OptionsClasses().Select(SectionOf).ToHashSet();
        var documented = DocumentedKeys();
        var unknownInBoundSections = documented.Where(key => sections.Contains(key.Split(':')[0])).Except(CodeKeys()).ToList();
        var unknownSections = documented.Select(key => key.Split(':')[0]).Where(section => !sections.Contains(section) && !SectionsReadByName.Contains(section)).ToList();

        Assert.Empty(unknownInBoundSections);
        Assert.Empty(unknownSections);
    }

    /// <summary><c>Section:Property</c> for every settable public property, <c>Section:Nested:Property</c> inside an options object (Matching:Weights).</summary>
    static HashSet<string> CodeKeys() =>
        OptionsClasses().SelectMany(options => Keys(options, SectionOf(options))).ToHashSet();

    static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var nested = property.PropertyType is { IsClass: true } nestedType && nestedType != typeof(string)
                && !typeof(IEnumerable).IsAssignableFrom(nestedType) && nestedType.Namespace?.StartsWith("MentorBot", StringComparison.Ordinal) == true;
            foreach (var inner in nested ? Keys(property.PropertyType, key) : [key])
            {
                yield return inner;
            }
        }
    }

    /// <summary>The first cell of every table row: <c>| `Scheduler:DispatchLanes` | …</c>.</summary>
    static HashSet<string> DocumentedKeys()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Docs, "configuration.md"));
        var keys = TableKey().Matches(text).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count()); // a key documented twice would soon say two things
        return keys.ToHashSet();
    }

    [GeneratedRegex(@"^\| `([A-Za-z]+(?::[A-Za-z]+)+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
