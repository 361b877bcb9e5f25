namespace VideoRecognition.FewShot;

/// <summary>One model's embeddings of the videos, by video id; Name labels the model in reports.</summary>
public sealed record ModelEmbeddings(string Name, IReadOnlyDictionary<string, VideoEmbedding> Videos)
{
    public static ModelEmbeddings Of(string name, IEnumerable<VideoEmbedding> videos) =>
        new(name, videos.ToDictionary(v => v.Id, StringComparer.Ordinal));
}
