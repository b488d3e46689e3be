using System.Text;

namespace MentorBot.Data.Naming;

/// <summary>PascalCase → snake_case, the way PostgreSQL people name things: <c>ProviderMessageId</c> → <c>provider_message_id</c>.</summary>
public static class SnakeCase
{
    public static string From(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                // A word starts at an upper-case letter after a lower-case one or a digit ("userId"),
                // or at the last capital of an acronym ("HTTPServer" → "http_server").
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
