namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// An annotation file in the official ActivityNet layout (activity_net.v1-3.min.json):
/// <c>{version, taxonomy, database: {id: {subset, duration, resolution, url, annotations}}}</c>.
/// </summary>
public sealed record ActivityNetFile(
    string Version,
    IReadOnlyList<TaxonomyNode> Taxonomy,
    IReadOnlyDictionary<string, ActivityNetVideo> Database);

/// <summary>One node of the class hierarchy; the leaves are the action classes. The root has no parent.</summary>
public sealed record TaxonomyNode(int NodeId, string NodeName, int? ParentId, string? ParentName)
{
    /// <summary>The action classes: names of the nodes no other node names as its parent, ordinally sorted.</summary>
    public static IReadOnlyList<string> LeafNames(IReadOnlyList<TaxonomyNode> taxonomy)
    {
        var parents = taxonomy.Where(n => n.ParentId is not null).Select(n => n.ParentId!.Value).ToHashSet();
        return taxonomy.Where(n => !parents.Contains(n.NodeId)).Select(n => n.NodeName)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }
}

/// <summary>One video entry. Subset is "training", "validation" or "testing"; durations are in seconds.</summary>
public sealed record ActivityNetVideo(
    string Subset,
    double Duration,
    string Resolution,
    string Url,
    IReadOnlyList<ActivityNetAnnotation> Annotations);

/// <summary>One annotated action instance: where it happens (seconds) and what it is.</summary>
public sealed record ActivityNetAnnotation(double Start, double End, string Label);
