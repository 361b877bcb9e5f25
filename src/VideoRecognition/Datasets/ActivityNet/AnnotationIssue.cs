namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>What can be wrong with one video or one segment of an annotation file. Each is counted in the report.</summary>
public enum AnnotationIssue
{
    /// <summary>A required field is absent or has the wrong JSON type; the video or segment is dropped.</summary>
    MissingField,

    /// <summary>A number field holds something that is not a finite number; the video or segment is dropped.</summary>
    NotANumber,

    /// <summary>The video's duration is zero or negative; the video is dropped.</summary>
    InvalidDuration,

    /// <summary>The segment's start is not before its end; the segment is dropped (its label still counts for the video).</summary>
    StartNotBeforeEnd,

    /// <summary>The segment overlaps the video but overruns it; it is clamped to [0, duration] and kept (a warning beyond the tolerance).</summary>
    SegmentClamped,

    /// <summary>The segment does not overlap the video at all (starts at or after its end, or ends at or before 0); the segment is dropped.</summary>
    SegmentOutsideVideo,

    /// <summary>The label is not one of the classes (taxonomy leaves or the given class list); the segment is dropped.</summary>
    UnknownLabel,

    /// <summary>The video has no row in the video-info CSV; it is kept without subset and fps.</summary>
    NoVideoInfo,

    /// <summary>A row of the video-info CSV could not be read; the row is skipped.</summary>
    BadVideoInfoRow,

    /// <summary>The id was listed before (twice in 'database', or as both v_x and x in the proposal layout); the first entry is kept, this one dropped.</summary>
    DuplicateId,
}
