using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace MentorBot.Data.Settings;

/// <summary>
/// Checks a bound section: the DataAnnotations on its properties (and on its nested objects', such as
/// <c>Matching:Weights:SameField</c>), then the class's own rules across fields (<see cref="IValidatableObject"/>,
/// only when every single value is fine). Each failure is one line that names the key as it is configured:
/// <c>Scheduler:DispatchLanes must be between 1 and 64 (was 0)</c>. Text values are never repeated back (a
/// token or a secret would land in the log); numbers and durations are.
/// </summary>
public sealed class OptionsSectionValidation<T> : IValidateOptions<T> where T : class, IOptionsSection
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(options, T.Section);
        if (failures.Count == 0 && options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage ?? $"{T.Section} is not valid"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static List<string> Failures(object options, string prefix)
    {
        var failures = new List<string>();
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.GetValidationResult(value, context) is { ErrorMessage: { } framework })
                {
                    var message = Message(attribute, key, framework);
                    failures.Add(value is null or string ? message : $"{message} (was {Shown(value)})");
                }
            }

            if (value is not null && IsNested(property.PropertyType))
            {
                failures.AddRange(Failures(value, key));
            }
        }

        return failures;
    }

    /// <summary>
    /// A message that starts with the key, for the attributes without a message of their own (the framework's
    /// start "The field …" and write 50 ms as 00:00:00.0500000); others format theirs with the key as {0}.
    /// </summary>
    static string Message(ValidationAttribute attribute, string key, string framework) => attribute switch
    {
        RangeAttribute { ErrorMessage: null } range => $"{key} must be between {Shown(range.Minimum)} and {Shown(range.Maximum)}",
        RequiredAttribute { ErrorMessage: null } => $"{key} must be set",
        _ => framework,
    };

    /// <summary>Invariant, and durations as they are written in settings: 00:00:00.05, 1.00:00:00.</summary>
    static string Shown(object value) => value switch
    {
        TimeSpan duration when duration.Ticks % TimeSpan.TicksPerSecond != 0 => duration.ToString("c", CultureInfo.InvariantCulture).TrimEnd('0'),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>An options object inside the section (Matching:Weights), not a value or a list.</summary>
    static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("MentorBot", StringComparison.Ordinal) == true;
}
