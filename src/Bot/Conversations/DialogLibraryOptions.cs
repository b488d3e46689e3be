using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Conversations;

/// <summary>Configuration section <c>Dialogs</c>: where the dialog and locale files are.</summary>
public sealed class DialogLibraryOptions : IOptionsSection
{
    public static string Section => "Dialogs";

    /// <summary>Folder of <c>&lt;id&gt;.yaml</c> dialog files; default: <c>dialogs/</c> beside the app (copied there by the build).</summary>
    public string? Directory { get; set; }

    /// <summary>Folder with <c>languages.yaml</c> and one folder per language; default: <c>locales/</c> beside the app.</summary>
    public string? LocalesDirectory { get; set; }

    /// <summary>The dialog an unknown person starts with.</summary>
    [Required]
    public string FirstContactDialog { get; set; } = "welcome";

    /// <summary>The dialog a signed-up person gets when she writes outside any dialog.</summary>
    [Required]
    public string MenuDialog { get; set; } = "menu";
}
