namespace VideoRecognition.Features.Import;

/// <summary>One video's features cannot be used (unreadable, wrong shape or type); that video is reported and skipped, never the whole import.</summary>
public sealed class FeatureFileException(string message, Exception? inner = null) : Exception(message, inner);
