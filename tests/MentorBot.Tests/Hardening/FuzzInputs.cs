using System.Text;
using System.Text.Json;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// The malformed pieces the fuzz suite combines, each row with the reason it is there. Every pick goes through the
/// request's own <see cref="Random"/>, so request n of seed s is the same request on every run.
/// </summary>
public static class FuzzInputs
{
    /// <summary>Text values: what a person, a broken client or an attacker might put in a field.</summary>
    public static readonly (string Reason, Func<Random, string> Make)[] Texts =
    [
        ("empty", _ => ""),
        ("a plain word", _ => "hej"),
        ("a NUL inside (PostgreSQL refuses 0x00)", _ => "a\0b"),
        ("only control characters", _ => "\u0001\u0002\u001b[31m\u007f\u0085"),
        ("a lone surrogate (no UTF-8 for it)", _ => "x\ud800y"),
        ("right-to-left with marks", _ => "\u202eمرحبا\u200f ١٢٣"),
        ("emoji and combining marks", _ => "👩🏽‍💻 e\u0301"),
        ("SQL and markup", _ => "'; DROP TABLE messages; -- <script>alert(1)</script>"),
        ("percent signs and plus", _ => "%zz%00+%2B%"),
        ("a long line (10 KB)", r => new string((char)r.Next('a', 'z' + 1), 10_000)),
        ("very long (300 KB)", _ => new string('x', 300_000)),
        ("random unicode", r => new string(Enumerable.Range(0, r.Next(1, 60)).Select(_ => (char)r.Next(1, 0xFFFF)).ToArray())),
        ("a number", r => r.Next(-5, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("a phone number", _ => "+4520000099"),
        ("whatsapp address", _ => "whatsapp:+4520000099"),
    ];

    /// <summary>JSON values of every kind, for fields that expect one kind.</summary>
    public static readonly (string Reason, Func<Random, object?> Make)[] JsonValues =
    [
        ("null", _ => null),
        ("a string", r => Text(r)),
        ("a number", r => r.NextDouble() * 1e6),
        ("a boolean", r => r.Next(2) == 0),
        ("an empty object", _ => new Dictionary<string, object?>()),
        ("an object with odd members", r => new Dictionary<string, object?> { [Text(r)] = Text(r), ["id"] = r.Next(), ["messageBack"] = "x" }),
        ("an array", r => new object?[] { Text(r), 1, null, new Dictionary<string, object?>() }),
        ("deep nesting", _ => Nest(60)),
    ];

    /// <summary>Bodies that are not the JSON a handler expects.</summary>
    public static readonly (string Reason, Func<Random, byte[]> Make)[] RawBodies =
    [
        ("empty", _ => []),
        ("truncated JSON", _ => "{\"type\":\"message\",\"text\":"u8.ToArray()),
        ("JSON with a NUL escape", _ => "{\"type\":\"message\",\"text\":\"a\\u0000b\",\"\\u0000\":1}"u8.ToArray()),
        ("JSON with a lone surrogate escape", _ => "{\"type\":\"message\",\"text\":\"\\ud800\"}"u8.ToArray()),
        ("a JSON array", _ => "[1,2,3]"u8.ToArray()),
        ("a JSON string", _ => "\"message\""u8.ToArray()),
        ("invalid UTF-8", _ => [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
        ("random bytes", r => RandomBytes(r, r.Next(1, 2000))),
        ("a form body", _ => "type=message&text=hej"u8.ToArray()),
        ("XML", _ => "<activity type=\"message\"/>"u8.ToArray()),
        ("duplicate keys", _ => "{\"type\":\"message\",\"type\":1,\"text\":\"a\",\"text\":[]}"u8.ToArray()),
        ("a huge number", _ => "{\"type\":\"message\",\"text\":\"hej\",\"x\":1e999999}"u8.ToArray()),
        ("very deep nesting", _ => Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000))),
    ];

    public static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", null, "application/json; charset=latin1", "multipart/form-data"];

    public static string Text(Random random) => Pick(random, Texts).Make(random);

    /// <summary>A text value cut to at most <paramref name="max"/> characters (for URLs and headers).</summary>
    public static string Short(Random random, int max)
    {
        var text = Text(random);
        return text.Length > max ? text[..max] : text;
    }

    public static object? JsonValue(Random random) => Pick(random, JsonValues).Make(random);

    public static byte[] Json(object? value) => JsonSerializer.SerializeToUtf8Bytes(value);

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    static object Nest(int depth) => depth == 0 ? "deep" : new Dictionary<string, object?> { ["x"] = Nest(depth - 1) };
}
