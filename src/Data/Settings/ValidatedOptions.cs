using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Data.Settings;

public static class ValidatedOptions
{
    /// <summary>
    /// The one way MentorBot binds options: <c>AddOptions&lt;T&gt;().BindConfiguration(T.Section)</c>, checked by
    /// <see cref="OptionsSectionValidation{T}"/> on start, with <typeparamref name="T"/> itself a singleton for the
    /// services that use it. Returns the bound instance, already validated, for setup code that decides what to
    /// register from it; a bad value throws <see cref="OptionsValidationException"/> right here, naming the key,
    /// before anything else starts. Calling it again for the same <typeparamref name="T"/> registers nothing more.
    /// </summary>
    public static T AddValidatedOptions<T>(this IHostApplicationBuilder builder) where T : class, IOptionsSection, new()
    {
        var services = builder.Services;
        if (!services.Any(service => service.ServiceType == typeof(IValidateOptions<T>) && service.ImplementationType == typeof(OptionsSectionValidation<T>)))
        {
            services.AddOptions<T>().BindConfiguration(T.Section).ValidateOnStart();
            services.AddSingleton<IValidateOptions<T>, OptionsSectionValidation<T>>();
            services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        }

        var options = new T();
        try
        {
            builder.Configuration.GetSection(T.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type ("Scheduler:DispatchLanes" = "two"): the binder's message names the key.
            throw new OptionsValidationException(T.Section, typeof(T), [e.Message]);
        }

        var result = new OptionsSectionValidation<T>().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(T.Section, typeof(T), result.Failures);
        }

        return options;
    }
}
