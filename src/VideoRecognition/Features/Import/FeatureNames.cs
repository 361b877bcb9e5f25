using VideoRecognition.Datasets.ActivityNet;

namespace VideoRecognition.Features.Import;

/// <summary>
/// Pairs annotated video ids with the names a feature set uses. Published sets write v_&lt;id&gt; (C3D groups, BSN
/// CSVs, most .npy releases) or the bare id (some .npy releases). A YouTube id may itself begin with "v_", so
/// for each annotated id the v_-prefixed name is tried first, then the bare one; a name left over is a video
/// the annotations do not have.
/// </summary>
public static class FeatureNames
{
    public sealed record Matching(IReadOnlyDictionary<string, string> NameById, IReadOnlyList<string> Unmatched);

    public static Matching Match(IEnumerable<string> annotatedIds, IReadOnlyCollection<string> names)
    {
        var available = names as IReadOnlySet<string> ?? names.ToHashSet(StringComparer.Ordinal);
        var nameById = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in annotatedIds)
        {
            string prefixed = AnnotatedVideo.ProposalIdPrefix + id;
            string? name = available.Contains(prefixed) && !used.Contains(prefixed) ? prefixed
                : available.Contains(id) && !used.Contains(id) ? id
                : null;
            if (name is not null)
            {
                nameById[id] = name;
                used.Add(name);
            }
        }

        return new Matching(nameById, names.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal).ToList());
    }
}
