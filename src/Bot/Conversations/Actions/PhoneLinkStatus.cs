namespace MentorBot.Bot.Conversations.Actions;

/// <summary>What <c>send_phone_code</c> and <c>verify_phone_code</c> give the dialog: a <c>status</c> it branches on, and the values its message shows.</summary>
static class PhoneLinkStatus
{
    public static Dictionary<string, string> Of(string status, params (string Key, string Value)[] values)
    {
        var result = new Dictionary<string, string> { ["status"] = status };
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }

        return result;
    }
}
