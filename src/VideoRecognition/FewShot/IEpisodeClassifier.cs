namespace VideoRecognition.FewShot;

/// <summary>Classifies an episode's queries from its support set. Implementations are stateless and thread-safe.</summary>
internal interface IEpisodeClassifier
{
    /// <summary>
    /// Writes the predicted episode class (0..N-1) of every query. The workspace already holds the episode's
    /// prototypes. Ties go to the lowest class index so results never depend on anything but the inputs.
    /// </summary>
    void Predict(EmbeddingTable table, ReadOnlySpan<int> support, ReadOnlySpan<int> query, int way, int shot, EpisodeWorkspace workspace, Span<int> predicted);
}
