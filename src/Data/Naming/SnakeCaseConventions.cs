using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MentorBot.Data.Naming;

/// <summary>
/// Applies the schema's naming rules to the whole model after the entity configurations ran, so no
/// configuration has to repeat them: snake_case tables and columns, enums (and lists of enums) as snake_case text.
/// </summary>
static class SnakeCaseConventions
{
    static ValueConverter? EnumConverter(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? (ValueConverter)Activator.CreateInstance(typeof(SnakeCaseEnumConverter<>).MakeGenericType(type))! : null;
    }

    public static void Apply(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase.From(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.GetColumnName()));
                if (EnumConverter(property.ClrType) is { } converter)
                {
                    property.SetValueConverter(converter);
                }
                else if (property.GetElementType() is { } element && EnumConverter(element.ClrType) is { } elementConverter)
                {
                    // A List<TEnum> is a primitive collection (text[]): convert its elements, not the list.
                    element.SetValueConverter(elementConverter);
                }
            }
        }
    }
}
