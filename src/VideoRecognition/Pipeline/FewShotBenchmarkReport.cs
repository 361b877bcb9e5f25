using VideoRecognition.FewShot;
using VideoRecognition.Runtime;
using static System.FormattableString;

namespace VideoRecognition.Pipeline;

/// <summary>`vrec bench eval`: runs <see cref="FewShotBenchmark"/>, writes bench-eval.json and says what it measured.</summary>
public static class FewShotBenchmarkReport
{
    /// <summary>Measures, then writes bench-eval.json into the folder.</summary>
    public static BenchmarkReport<FewShotBenchmarkResult> Run(EvaluationConfig eval, Seed seed, int dimension, string folder) =>
        Report(FewShotBenchmark.Run(eval, seed, dimension), eval, MachineDescription.Current(), folder);

    public static BenchmarkReport<FewShotBenchmarkResult> Report(FewShotBenchmarkResult result, EvaluationConfig eval, MachineDescription machine, string folder)
    {
        // Sampling counts: a user of `vrec eval` waits for both.
        double total = (result.Sampling + result.Evaluation).TotalSeconds;
        double episodesPerSecond = result.Episodes / Math.Max(1e-9, total);
        string setting = Invariant($"{eval.Way}-way {eval.Shot}-shot, {eval.Query} queries");
        var table = new BenchmarkTable(
            "Few-shot evaluation from cached embeddings",
            new StudyTable.Grid(
                ["episodes", "setting", "classifier", "dimension", "sampling s", "evaluation s", "episodes/s"],
                [[Invariant($"{result.Episodes}"), setting, result.Classifier.ToString(), Invariant($"{result.Dimension}"),
                  Invariant($"{result.Sampling.TotalSeconds:0.00}"), Invariant($"{result.Evaluation.TotalSeconds:0.00}"), Invariant($"{episodesPerSecond:0}")]]));
        string json = BenchmarkJson.Write(folder, "bench-eval.json", new
        {
            machine,
            episodes = result.Episodes,
            way = eval.Way,
            shot = eval.Shot,
            query = eval.Query,
            classifier = result.Classifier.ToString(),
            dimension = result.Dimension,
            sampling_seconds = result.Sampling.TotalSeconds,
            evaluation_seconds = result.Evaluation.TotalSeconds,
            episodes_per_second = episodesPerSecond,
            accuracy = result.Accuracy,
        });
        return new BenchmarkReport<FewShotBenchmarkResult>(result, machine, json, [table], [$"machine: {machine}"]);
    }
}
