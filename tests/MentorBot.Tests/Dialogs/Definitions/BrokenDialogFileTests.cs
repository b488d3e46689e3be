using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Tests.Dialogs.Definitions;

/// <summary>
/// Every file in broken_dialogs/ starts with "# expect: &lt;message&gt;" and must fail to load with exactly
/// that message. Add a file to add a case.
/// </summary>
public sealed class BrokenDialogFileTests
{
    private const string ExpectPrefix = "# expect: ";

    public static TheoryData<string> BrokenFiles() =>
        new(Directory.EnumerateFiles(TestPaths.InTestData("Definitions", "broken_dialogs"), "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Fails_with_the_expected_message(string fileName)
    {
        var path = TestPaths.InTestData("Definitions", "broken_dialogs", fileName);
        var firstLine = File.ReadLines(path).First();
        Assert.StartsWith(ExpectPrefix, firstLine);

        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.LoadFile(path));

        Assert.Equal(firstLine[ExpectPrefix.Length..], error.Message);
    }

    [Fact]
    public void There_are_broken_files_to_test()
    {
        // Guards against the folder silently moving and the theory running zero cases.
        Assert.True(BrokenFiles().Count >= 10);
    }
}
