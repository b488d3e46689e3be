using System.Reflection;

namespace MentorBot.Tests.Dialogs;

/// <summary>Source-tree folders, baked in at build time by the test project file.</summary>
internal static class TestPaths
{
    public static string TestData => Metadata("TestDataDirectory");
    public static string Dialogs => Path.GetFullPath(Metadata("DialogsDirectory"));
    public static string Locales => Path.GetFullPath(Metadata("LocalesDirectory"));
    public static string Docs => Path.GetFullPath(Metadata("DocsDirectory"));

    public static string InTestData(params string[] parts) => Path.Combine([TestData, .. parts]);

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;
}
