using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MentorBot.Data.Naming;

/// <summary>Stores an enum as its snake_case name (<c>PendingApproval</c> → <c>pending_approval</c>).</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => NameOf(value),
    text => ValueOf(text))
    where TEnum : struct, Enum
{
    static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => SnakeCase.From(v.ToString()));

    static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string NameOf(TEnum value) => Names[value];

    public static TEnum ValueOf(string text) =>
        Values.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a stored name of {typeof(TEnum).Name}.");
}
