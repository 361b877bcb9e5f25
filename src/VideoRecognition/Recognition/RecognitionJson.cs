using System.Text.Json;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Recognition;

/// <summary>
/// recognition.json: the whole answer of `vrec recognise` for scripts, with every number the terminal table and
/// the report show: the threshold and its rule, per query the ranked classes (cosine similarity), the answer or
/// "none of these", the spans in seconds, per segment the decision; the skipped files; the score where known.
/// </summary>
public static class RecognitionJson
{
    public const string NoneOfThese = "none of these";

    public static void Write(string path, RecognitionResult result) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("checkpoint", result.Checkpoint);
            json.WriteStartArray("classes");
            result.Classes.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("support");
            foreach (ExtractedVideo video in result.Support)
            {
                json.WriteStartObject();
                json.WriteString("id", video.Video.Id);
                json.WriteString("class", video.Video.Class);
                json.WriteString("path", video.Video.Path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("open_set_threshold", result.Threshold);
            json.WriteString("open_set_rule", result.ThresholdRule);
            json.WriteStartArray("queries");
            foreach (RecognisedQuery query in result.Queries)
            {
                Query(json, query);
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (SkippedVideo bad in result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("path", bad.Video.Path);
                json.WriteString("problem", bad.Problem);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Score is { } score)
            {
                json.WriteStartObject("score");
                json.WriteFiniteOrNull("known_queries", score.KnownQueries);
                json.WriteFiniteOrNull("top1_accuracy", score.Top1Accuracy);
                json.WriteFiniteOrNull("queries_with_spans", score.QueriesWithSpans);
                json.WriteFiniteOrNull("mean_tiou", score.MeanTemporalIoU);
                json.WriteFiniteOrNull("none_rate_known", score.NoneRateKnown);
                json.WriteFiniteOrNull("unknown_queries", score.UnknownQueries);
                json.WriteFiniteOrNull("none_rate_unknown", score.NoneRateUnknown);
                json.WriteFiniteOrNull("none_rate_chance", score.NoneRateChance);
                json.WriteFiniteOrNull("top1_chance", score.Top1Chance);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });

    private static void Query(Utf8JsonWriter json, RecognisedQuery query)
    {
        QueryRecognition r = query.Recognition;
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("path", query.Source.Video.Path);
        if (query.Source.Video.Class is { } given)
        {
            json.WriteString("given_class", given);
        }

        json.WriteString("answer", r.Predicted ?? NoneOfThese);
        json.WriteBoolean("none_of_these", r.NoneOfThese);
        json.WriteNumber("duration", query.Source.Probe.DurationSeconds);
        json.WriteStartArray("ranked");
        foreach (ClassScore c in r.Ranked)
        {
            json.WriteStartObject();
            json.WriteString("label", c.Label);
            json.WriteNumber("score", c.Score);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("spans");
        foreach (ScoredSpan s in r.Spans)
        {
            json.WriteStartObject();
            json.WriteStartArray("segment");
            json.WriteNumberValue(s.Span.Start);
            json.WriteNumberValue(s.Span.End);
            json.WriteEndArray();
            json.WriteNumber("score", s.Score);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("segments");
        for (int t = 0; t < r.Decisions.Count; t++)
        {
            json.WriteStartObject();
            json.WriteNumber("start", query.SegmentStarts[t]);
            json.WriteNumber("end", query.SegmentEnds[t]);
            json.WriteString("decision", r.Decisions[t].ToString().ToUpperInvariant());
            json.WriteNumber("weight", query.Weights[t]);
            json.WriteNumber("similarity", r.Similarity[t]);
            if (query.BackgroundProbability is { } p)
            {
                json.WriteNumber("p_background", p[t]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
