using VideoRecognition.Video;

namespace VideoRecognition.Features;

/// <summary>An annotated video ready for extraction: its label and subset, and the probe of its file.</summary>
public sealed record VideoSource(string Id, string Label, string Subset, VideoProbe Probe);
