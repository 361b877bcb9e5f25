using System.Diagnostics;
using VideoRecognition.Features;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Features;

/// <summary>The arithmetic and the tools behind `vrec bench extract`'s comparison with the peer (not its speed).</summary>
public sealed class ExtractionComparisonTests
{
    private static ComparisonRound Round(bool busy, int round, double vrecSeconds, double? peerVideosPerSecond) =>
        new(busy, round,
            new ExtractionSummary(12, 12, 0, 0, 96, TimeSpan.FromSeconds(vrecSeconds), TimeSpan.Zero, TimeSpan.Zero),
            peerVideosPerSecond is { } p ? new PeerThroughput(12, 12 / p, p, "test") : null);

    [Fact]
    public void Medians_ratios_and_busy_over_quiet_come_from_the_rounds_of_each_load()
    {
        var stages = new ExtractionBenchmarkResult([], Round(false, 0, 1, null).Vrec);
        var comparison = new ExtractionComparison(stages,
        [
            Round(false, 1, 2, 4), // vrec 6 videos/s, peer 4: 1.5x
            Round(false, 2, 3, 5), // vrec 4, peer 5: 0.8x
            Round(false, 3, 1.5, 4), // vrec 8, peer 4: 2x
            Round(true, 1, 4, 2), // vrec 3, peer 2
            Round(true, 2, 6, 1), // vrec 2, peer 1
        ]);

        var quiet = comparison.Median(busy: false)!.Value;
        Assert.Equal(6, quiet.Vrec, 9);
        Assert.Equal(4, quiet.Peer!.Value, 9);
        Assert.Equal(1.5, quiet.Ratio!.Value, 9);
        var busy = comparison.Median(busy: true)!.Value;
        Assert.Equal(2.5, busy.Vrec, 9);
        Assert.Equal(1.5, busy.Peer!.Value, 9);
        Assert.Equal(1.75, busy.Ratio!.Value, 9); // the median of 3/2 and 2/1
        var busyOverQuiet = comparison.BusyOverQuiet()!.Value;
        Assert.Equal(2.5 / 6, busyOverQuiet.Vrec, 9);
        Assert.Equal(1.5 / 4, busyOverQuiet.Peer!.Value, 9);
    }

    [Fact]
    public void Without_a_peer_or_a_busy_load_those_figures_are_absent()
    {
        var stages = new ExtractionBenchmarkResult([], Round(false, 0, 1, null).Vrec);
        var comparison = new ExtractionComparison(stages, [Round(false, 1, 2, null)]);

        Assert.Null(comparison.Median(busy: false)!.Value.Peer);
        Assert.Null(comparison.Median(busy: false)!.Value.Ratio);
        Assert.Null(comparison.Median(busy: true));
        Assert.Null(comparison.BusyOverQuiet());
    }

    [Fact]
    public void The_competing_load_burns_cpu_while_it_lives_and_is_gone_after_dispose()
    {
        int id;
        using (var load = CompetingLoad.Start())
        {
            id = load.ProcessId;
            using var process = Process.GetProcessById(id);
            TimeSpan before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while (process.TotalProcessorTime - before < TimeSpan.FromMilliseconds(50) && clock.Elapsed < HangGuard.Limit)
            {
                Thread.Sleep(20);
                process.Refresh();
            }

            Assert.True(load.IsRunning);
            Assert.True(process.TotalProcessorTime - before >= TimeSpan.FromMilliseconds(50));
        }

        Assert.Throws<ArgumentException>(() => Process.GetProcessById(id));
    }

    [Fact]
    public void The_peer_is_not_found_without_its_script_or_its_interpreter_and_says_why()
    {
        using var temp = new TempFolder();
        var (noScript, why) = ExtractionPeer.Find(temp.Path);
        Assert.Null(noScript);
        Assert.Contains(ExtractionPeer.ScriptRelativePath, why);

        var (noPython, whyPython) = ExtractionPeer.Find(RepositoryPaths.Root, Path.Combine(temp.Path, "no-python"));
        Assert.Null(noPython);
        Assert.Contains("no-python", whyPython);
    }
}
