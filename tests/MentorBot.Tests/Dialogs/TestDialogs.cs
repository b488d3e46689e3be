using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Tests.Dialogs;

/// <summary>The dialogs that exist only to test the engine: one per step kind, and a sample sign-up that uses most of them.</summary>
internal static class TestDialogs
{
    public static string Folder => TestPaths.InTestData("Transcripts", "dialogs");

    public static DialogDefinition Sample() => DialogDefinitionLoader.LoadFile(Path.Combine(Folder, "sample_signup.yaml"));
}
