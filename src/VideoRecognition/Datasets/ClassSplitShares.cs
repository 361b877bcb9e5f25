using System.ComponentModel.DataAnnotations;
using System.Globalization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets;

/// <summary>Class shares of a few-shot split; they must add up to 1.</summary>
public sealed record ClassSplitShares
{
    [Range(0.0, 1.0)]
    public double Base { get; init; } = 0.64;

    [Range(0.0, 1.0)]
    public double Val { get; init; } = 0.16;

    [Range(0.0, 1.0)]
    public double Novel { get; init; } = 0.20;

    /// <summary>How many of <paramref name="classes"/> go to base, val and novel: rounded shares, novel takes the remainder.</summary>
    public (int Base, int Val, int Novel) Sizes(int classes)
    {
        int baseCount = (int)Math.Round(Base * classes, MidpointRounding.AwayFromZero);
        int valCount = (int)Math.Round(Val * classes, MidpointRounding.AwayFromZero);
        return (baseCount, valCount, classes - baseCount - valCount);
    }

    /// <summary>Invariant text, as the command line takes it: <c>0.64,0.16,0.2</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Base},{Val},{Novel}");

    /// <summary>
    /// Parses <c>base,val,novel</c> (e.g. <c>0.64,0.16,0.20</c>) and checks that the shares are in [0, 1], add up
    /// to 1 and leave every part at least one of <paramref name="classes"/> classes. <paramref name="what"/> names
    /// the option or key in messages.
    /// </summary>
    public static ClassSplitShares Parse(string text, int classes, string what)
    {
        string[] fields = text.Split(',');
        var values = new double[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            if (!double.TryParse(fields[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                || values[i] is < 0 or > 1 or double.NaN)
            {
                throw new BadInputException($"{what}: '{fields[i].Trim()}' is not a share between 0 and 1; expected base,val,novel such as 0.64,0.16,0.20.");
            }
        }

        if (values.Length != 3)
        {
            throw new BadInputException($"{what}: '{text}' has {values.Length} shares; expected three (base,val,novel) such as 0.64,0.16,0.20.");
        }

        var shares = new ClassSplitShares { Base = values[0], Val = values[1], Novel = values[2] };
        double sum = values.Sum();
        if (Math.Abs(sum - 1.0) > 1e-6)
        {
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{what}: the shares {text} add up to {sum}; they must add up to 1."));
        }

        (int b, int v, int n) = shares.Sizes(classes);
        if (b < 1 || v < 1 || n < 1)
        {
            throw new BadInputException($"{what}: {classes} classes split by {text} give base {b}, val {v}, novel {n}; every part needs at least one class.");
        }

        return shares;
    }
}
