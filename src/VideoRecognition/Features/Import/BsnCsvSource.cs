using System.Globalization;

namespace VideoRecognition.Features.Import;

/// <summary>
/// The BSN/BMN rescaled TSN features: a folder (csv_mean_100/) with one v_&lt;id&gt;.csv per video as pandas writes
/// it, a header row f0,...,f399 and one row per temporal position (100, each the mean of the video's snippets
/// over 1/100 of its length; columns 0-199 RGB, 200-399 flow). Columns are taken in file order, as the BSN
/// loader does. A file is parsed whole when opened: it is small by construction (100 x 400 numbers).
/// </summary>
public sealed class BsnCsvSource : IFeatureSource
{
    private readonly Dictionary<string, string> files;

    public BsnCsvSource(string folder)
    {
        Location = folder;
        files = Directory.EnumerateFiles(folder, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
    }

    public FeatureFormat Format => FeatureFormat.BsnCsv;

    public string Location { get; }

    public IReadOnlyCollection<string> Names => files.Keys;

    public IFeatureMatrix Open(string name)
    {
        string path = files[name];
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: empty file (no header row)");
        }

        // pandas' to_csv writes its row index first unless told not to: an unnamed (or "Unnamed: 0") first column.
        string[] headerFields = header.Split(',');
        int skip = headerFields[0].Length == 0 || headerFields[0].StartsWith("Unnamed:", StringComparison.Ordinal) ? 1 : 0;
        string[] columns = headerFields[skip..];
        if (MissingColumns(columns) is { Length: > 0 } missing)
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: the header lacks column(s) {missing}; the published columns run f0, f1, ... without a gap");
        }

        var values = new List<float>();
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            string[] fields = text.Split(',');
            if (fields.Length != headerFields.Length)
            {
                throw new FeatureFileException($"{Path.GetFileName(path)}, line {line}: {fields.Length} fields, the header has {headerFields.Length}");
            }

            fields = fields[skip..];

            foreach (string field in fields)
            {
                // pandas writes NaN as an empty field; it is kept as NaN so the importer reports it as such.
                if (field.Length == 0)
                {
                    values.Add(float.NaN);
                }
                else if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
                {
                    values.Add(value);
                }
                else if (Infinity(field) is { } infinity)
                {
                    values.Add(infinity); // kept, so the importer reports it as infinite, naming row and column
                }
                else
                {
                    throw new FeatureFileException($"{Path.GetFileName(path)}, line {line}: '{field}' is not a number");
                }
            }
        }

        return new Matrix(values.ToArray(), columns.Length);
    }

    public void Dispose()
    {
    }

    /// <summary>pandas writes infinities as inf and -inf, which .NET does not parse.</summary>
    private static float? Infinity(string field) => field.ToLowerInvariant() switch
    {
        "inf" or "+inf" => float.PositiveInfinity,
        "-inf" => float.NegativeInfinity,
        _ => null,
    };

    /// <summary>
    /// When the header names its columns f&lt;k&gt; (as the published files do) the names must run f0, f1, ... without
    /// a gap; a gap means a column was dropped, and naming it says which. Other headers are taken as they are.
    /// </summary>
    private static string MissingColumns(string[] columns)
    {
        var numbers = new List<int>();
        foreach (string column in columns)
        {
            if (column.Length < 2 || column[0] != 'f' || !int.TryParse(column.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int k))
            {
                return string.Empty;
            }

            numbers.Add(k);
        }

        int highest = numbers.Max();
        var present = numbers.ToHashSet();
        return string.Join(", ", Enumerable.Range(0, highest + 1).Where(k => !present.Contains(k)).Take(5).Select(k => $"f{k}"));
    }

    private sealed class Matrix(float[] values, int dimension) : IFeatureMatrix
    {
        public int Rows => values.Length / dimension;

        public int Dimension => dimension;

        public void Read(int firstRow, Span<float> destination) =>
            values.AsSpan(firstRow * dimension, destination.Length).CopyTo(destination);

        public void Dispose()
        {
        }
    }
}
