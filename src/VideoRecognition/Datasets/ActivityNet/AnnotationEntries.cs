using System.Globalization;
using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// Reads the fields both layouts share (numbers, the annotations list) leniently: a defect is reported with
/// the video id and only the video or segment that has it is dropped.
/// </summary>
internal sealed class AnnotationEntries(AnnotationProblems problems, IReadOnlySet<string>? classes, double tolerance)
{
    public int SegmentsRead { get; private set; }

    public int SegmentsKept { get; private set; }

    /// <summary>The labels met, known or not, for a file whose classes are the labels that occur.</summary>
    public SortedSet<string> LabelsSeen { get; } = new(StringComparer.Ordinal);

    public bool TryField(JsonElement video, string id, string field, JsonValueKind kind, out JsonElement value)
    {
        if (video.TryGetProperty(field, out value) && value.ValueKind == kind)
        {
            return true;
        }

        string found = video.TryGetProperty(field, out JsonElement other) ? $"a {OurJson.KindName(other.ValueKind)}" : "nothing";
        problems.Add(AnnotationIssue.MissingField, id, $"video '{id}': field '{field}' should be a {OurJson.KindName(kind)}, found {found}; video dropped");
        return false;
    }

    /// <summary>A positive, finite duration in seconds, or false after reporting why not.</summary>
    public bool TryDuration(JsonElement video, string id, string field, out double duration)
    {
        duration = 0;
        if (!video.TryGetProperty(field, out JsonElement value))
        {
            problems.Add(AnnotationIssue.MissingField, id, $"video '{id}': field '{field}' is missing; video dropped");
            return false;
        }

        if (!TryNumber(value, out duration))
        {
            problems.Add(AnnotationIssue.NotANumber, id, $"video '{id}': {field} {value.GetRawText()} is not a finite number; video dropped");
            return false;
        }

        if (duration <= 0)
        {
            problems.Add(AnnotationIssue.InvalidDuration, id, $"video '{id}': {field} {Seconds(duration)} is not positive; video dropped");
            return false;
        }

        return true;
    }

    /// <summary>An optional whole number (a frame count); reported and null when present but unreadable.</summary>
    public int? OptionalCount(JsonElement video, string id, string field)
    {
        if (!video.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (TryNumber(value, out double number) && number >= 0)
        {
            return (int)Math.Round(number);
        }

        problems.Add(AnnotationIssue.NotANumber, id, $"video '{id}': {field} {value.GetRawText()} is not a frame count; field ignored");
        return null;
    }

    /// <summary>Validates the annotations list of one video; returns the usable segments and the video-level labels.</summary>
    public (List<ActivityNetAnnotation> Segments, List<string> Labels) Segments(string id, double duration, JsonElement annotations)
    {
        var segments = new List<ActivityNetAnnotation>();
        var labels = new List<string>();
        int index = 0;
        foreach (JsonElement annotation in annotations.EnumerateArray())
        {
            index++;
            SegmentsRead++;
            if (ReadSegment(id, index, duration, annotation, labels) is { } segment)
            {
                segments.Add(segment);
                SegmentsKept++;
            }
        }

        return (segments, labels);
    }

    private ActivityNetAnnotation? ReadSegment(string id, int index, double duration, JsonElement annotation, List<string> labels)
    {
        string where = $"video '{id}', annotation {index}";
        if (annotation.ValueKind != JsonValueKind.Object)
        {
            problems.Add(AnnotationIssue.MissingField, id, $"{where}: expected an object {{segment, label}}, found a {OurJson.KindName(annotation.ValueKind)}; dropped");
            return null;
        }

        if (!annotation.TryGetProperty("label", out JsonElement labelElement) || labelElement.ValueKind != JsonValueKind.String
            || labelElement.GetString() is not { Length: > 0 } label)
        {
            problems.Add(AnnotationIssue.MissingField, id, $"{where}: 'label' is missing or not a non-empty string; dropped");
            return null;
        }

        if (!annotation.TryGetProperty("segment", out JsonElement segment) || segment.ValueKind != JsonValueKind.Array || segment.GetArrayLength() != 2)
        {
            problems.Add(AnnotationIssue.MissingField, id, $"{where} ('{label}'): 'segment' is missing or not [start, end]; dropped");
            return null;
        }

        if (!TryNumber(segment[0], out double start) || !TryNumber(segment[1], out double end))
        {
            problems.Add(AnnotationIssue.NotANumber, id, $"{where} ('{label}'): segment {segment.GetRawText()} does not hold two numbers; dropped");
            return null;
        }

        LabelsSeen.Add(label);
        if (classes is not null && !classes.Contains(label))
        {
            problems.Add(AnnotationIssue.UnknownLabel, id, $"{where}: label '{label}' is not one of the {classes.Count} classes; dropped");
            return null;
        }

        if (!labels.Contains(label, StringComparer.Ordinal))
        {
            labels.Add(label);
        }

        string span = $"[{Seconds(start)}, {Seconds(end)}]";
        if (start >= end)
        {
            problems.Add(AnnotationIssue.StartNotBeforeEnd, id, $"{where} ('{label}'): segment {span} does not start before it ends; dropped");
            return null;
        }

        if (start >= duration || end <= 0)
        {
            problems.Add(AnnotationIssue.SegmentOutsideVideo, id,
                $"{where} ('{label}'): segment {span} lies outside the video [0, {Seconds(duration)}]; dropped");
            return null;
        }

        if (start < 0 || end > duration)
        {
            // Durations and segments come from different tools: an overlapping segment is kept, cut to the video.
            double overrun = Math.Max(-start, end - duration);
            problems.Add(AnnotationIssue.SegmentClamped, id,
                $"{where} ('{label}'): segment {span} overruns the video [0, {Seconds(duration)}] by {Seconds(overrun)} s; clamped",
                routine: overrun <= tolerance);
            (start, end) = (Math.Max(0, start), Math.Min(duration, end));
        }

        return new ActivityNetAnnotation(start, end, label);
    }

    // Some exporters write numbers as strings ("12.5"); accept those, never NaN or infinity.
    private static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        bool parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        return parsed && double.IsFinite(number);
    }

    private static string Seconds(double seconds) => Math.Round(seconds, 3).ToString(CultureInfo.InvariantCulture);
}
