using MentorBot.Bot.Dialogs.Definitions;

namespace MentorBot.Tests.Dialogs.Definitions;

public sealed class DialogDefinitionLoaderTests
{
    [Fact]
    public void Loads_the_sample_signup_dialog()
    {
        var dialogs = DialogDefinitionLoader.LoadDirectory(TestDialogs.Folder);

        var signup = dialogs["sample_signup"];
        Assert.Equal(1, signup.Version);
        Assert.Equal("welcome", signup.Start);
        var goals = signup.Step("ask_goals");
        Assert.Equal(StepKind.AskMulti, goals.Kind);
        Assert.Equal(3, goals.Max);
        Assert.Equal(["job", "education", "network", "danish", "career", "society"], goals.Choices);
        var consent = signup.Step("check_consent");
        Assert.Equal("mark_channel", consent.Cases["yes"]);
        Assert.Equal("ask_consent", consent.Default);
    }

    [Fact]
    public void Every_kind_name_round_trips()
    {
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            Assert.True(StepKindNames.TryParse(StepKindNames.NameOf(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }

    [Fact]
    public void An_empty_file_names_the_file()
    {
        var error = Assert.Throws<DialogDefinitionException>(() => DialogDefinitionLoader.Parse("", "empty.yaml"));
        Assert.Equal("empty.yaml: the file is empty", error.Message);
    }
}
