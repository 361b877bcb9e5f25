namespace VideoRecognition.FewShot;

/// <summary>How the queries of one class fared over all episodes: Correct of Queries (a class drawn in more episodes weighs more).</summary>
public sealed record ClassAccuracy(string ClassName, long Queries, long Correct)
{
    public double Accuracy => Queries == 0 ? 0.0 : (double)Correct / Queries;
}
