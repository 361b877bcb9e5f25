using System.Text;

namespace VideoRecognition.Configuration;

/// <summary>YAML keys are snake_case (`videos_per_class`); the records' properties are PascalCase.</summary>
internal static class ConfigKeys
{
    public static string FromProperty(string propertyName)
    {
        var key = new StringBuilder(propertyName.Length + 4);
        for (int i = 0; i < propertyName.Length; i++)
        {
            char c = propertyName[i];
            if (char.IsUpper(c) && i > 0)
            {
                key.Append('_');
            }

            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
}
