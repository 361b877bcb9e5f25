using System.Text;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.FewShot;

public sealed class FewShotResultJsonTests
{
    // The bytes the hand-written Utf8JsonWriter code wrote for this result, before the serialiser was source-generated.
    private const string OldLayout = """
        {
          "format_version": 1,
          "split": "novel",
          "way": 2,
          "shot": 1,
          "query": 4,
          "seed": 7,
          "episodes": 2,
          "classifier": "prototype",
          "models": [
            {
              "model": "full",
              "mean_accuracy": 0.625,
              "std": 0.125,
              "ci95_half_width": 1.123,
              "ci95_method": "student_t",
              "ci95_normal_half_width": 0.17,
              "ci95_student_t_half_width": 1.123,
              "localisation": {
                "queries": 8,
                "predicted_spans": 11,
                "mean_tiou": 0.5,
                "map_at_0_5": 0.25,
                "average_map_0_5_to_0_95": null
              },
              "per_class": [
                {
                  "class": "Pole \u0022vault\u0022",
                  "queries": 4,
                  "correct": 3,
                  "accuracy": 0.75
                },
                {
                  "class": "Ski jump",
                  "queries": 4,
                  "correct": 2,
                  "accuracy": 0.5
                }
              ],
              "confusion": {
                "classes": [
                  "Pole \u0022vault\u0022",
                  "Ski jump"
                ],
                "counts": [
                  [
                    3,
                    1
                  ],
                  [
                    2,
                    2
                  ]
                ]
              }
            },
            {
              "model": "baseline",
              "mean_accuracy": 0.5,
              "std": 0,
              "ci95_half_width": 0,
              "ci95_method": "student_t",
              "ci95_normal_half_width": 0,
              "ci95_student_t_half_width": 0,
              "localisation": null,
              "per_class": [],
              "confusion": {
                "classes": [],
                "counts": []
              }
            }
          ]
        }

        """;

    [Fact]
    public void A_result_is_written_in_the_layout_it_always_had()
    {
        string[] classes = ["Pole \u0022vault\u0022", "Ski jump"];
        var full = new ModelResult(
            "full",
            new AccuracyInterval(2, 0.625, 0.125, 0.17, 1.123, IntervalMethod.StudentT),
            [new ClassAccuracy(classes[0], 4, 3), new ClassAccuracy(classes[1], 4, 2)],
            new ConfusionMatrix(classes, [[3, 1], [2, 2]]),
            new LocalisationResult(8, 11, 0.5, 0.25),
            [0.5, 0.75]);
        var baseline = new ModelResult("baseline", new AccuracyInterval(2, 0.5, 0, 0, 0, IntervalMethod.StudentT), [], new ConfusionMatrix([], []), null, [0.5, 0.5]);
        var result = new FewShotResult(SplitPart.Novel, 2, 1, 4, new Seed(7), 2, FewShotClassifierKind.Prototype, [full, baseline]);
        using var stream = new MemoryStream();

        FewShotResultJson.Write(result, stream);

        Assert.Equal(OldLayout, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
