namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>Which of the two ActivityNet annotation layouts a file is in.</summary>
public enum AnnotationLayout
{
    /// <summary>activity_net.v1-x.min.json: <c>{version, taxonomy, database: {id: {subset, duration, annotations}}}</c>.</summary>
    Official,

    /// <summary>
    /// anet_anno_action.json of the temporal-action-proposal projects: <c>{v_id: {duration_second, duration_frame,
    /// annotations, feature_frame}}</c>, with subsets and fps in a separate video_info CSV.
    /// </summary>
    Proposal,
}
