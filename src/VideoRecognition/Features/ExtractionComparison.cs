namespace VideoRecognition.Features;

/// <summary>What `vrec bench extract` runs: how many videos, how many alternating rounds, whether busy too, and the peer (or none).</summary>
public sealed record ExtractionComparisonPlan(int Videos, int Rounds, bool Busy, ExtractionPeer? Peer);

/// <summary>One round: vrec's overlapped extraction, then the peer on the same videos, quiet or with a competing process.</summary>
public sealed record ComparisonRound(bool Busy, int Round, ExtractionSummary Vrec, PeerThroughput? Peer)
{
    /// <summary>vrec's videos/s over the peer's, or null without a peer.</summary>
    public double? Ratio => Peer is null ? null : Vrec.VideosPerSecond / Math.Max(Peer.VideosPerSecond, 1e-9);
}

/// <summary>The stage-by-stage figures and the rounds against the peer.</summary>
public sealed record ExtractionComparison(ExtractionBenchmarkResult Stages, IReadOnlyList<ComparisonRound> Rounds)
{
    /// <summary>Median over the rounds of one load (quiet or busy) of vrec's and the peer's videos/s, and of their ratio.</summary>
    public (double Vrec, double? Peer, double? Ratio)? Median(bool busy)
    {
        var rounds = Rounds.Where(r => r.Busy == busy).ToList();
        if (rounds.Count == 0)
        {
            return null;
        }

        double? peer = rounds.All(r => r.Peer is not null) ? MedianOf(rounds.Select(r => r.Peer!.VideosPerSecond)) : null;
        double? ratio = rounds.All(r => r.Ratio is not null) ? MedianOf(rounds.Select(r => r.Ratio!.Value)) : null;
        return (MedianOf(rounds.Select(r => r.Vrec.VideosPerSecond)), peer, ratio);
    }

    /// <summary>The busy median over the quiet median, for vrec and for the peer (null when either load is missing).</summary>
    public (double Vrec, double? Peer)? BusyOverQuiet()
    {
        if (Median(false) is not { } quiet || Median(true) is not { } busy)
        {
            return null;
        }

        return (busy.Vrec / quiet.Vrec, quiet.Peer is { } qp && busy.Peer is { } bp ? bp / qp : null);
    }

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
