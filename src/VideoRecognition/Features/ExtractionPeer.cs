using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VideoRecognition.Features;

/// <summary>What one run of the PyTorch peer measured.</summary>
public sealed record PeerThroughput(int Videos, double Seconds, double VideosPerSecond, string Torch);

/// <summary>
/// The PyTorch peer of `vrec extract` (scripts/bench/extract_peer.py): the same job as a PyTorch user would
/// write it, run on the same videos in the same process environment, so `vrec bench extract` can print the
/// ratio in one run. Needs an interpreter that imports torch, torchvision and cv2 (Debian's
/// python3-torch, python3-torchvision, python3-opencv).
/// </summary>
public sealed class ExtractionPeer(string python, string script)
{
    public const string ScriptRelativePath = "scripts/bench/extract_peer.py";

    public string Python { get; } = python;

    public string Script { get; } = script;

    /// <summary>
    /// The peer when its script is found above <paramref name="start"/> (the repository) and the interpreter
    /// imports what it needs; otherwise null and why not.
    /// </summary>
    public static (ExtractionPeer? Peer, string? WhyNot) Find(string start, string python = "/usr/bin/python3")
    {
        string? script = null;
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, ScriptRelativePath);
            if (File.Exists(candidate))
            {
                script = candidate;
                break;
            }
        }

        if (script is null)
        {
            return (null, $"{ScriptRelativePath} not found above {start}");
        }

        if (!File.Exists(python))
        {
            return (null, $"{python} not found (the peer needs Debian's python3 with python3-torch, python3-torchvision, python3-opencv)");
        }

        var check = RunProcess(python, ["-c", "import torch, torchvision, cv2"], TimeSpan.FromMinutes(2));
        return check.ExitCode == 0
            ? (new ExtractionPeer(python, script), null)
            : (null, $"{python} cannot import torch, torchvision and cv2 (apt-get install -y python3-torch python3-torchvision python3-opencv): {check.Output.Trim()}");
    }

    /// <summary>Runs the peer once over these video files in the given model setting.</summary>
    public PeerThroughput Run(
        IReadOnlyList<string> videoPaths, string architecture, int inputSize, int resizeShorter, int segments, int trainViews, int workers, int threads, string scratchFolder)
    {
        Directory.CreateDirectory(scratchFolder);
        string list = Path.Combine(scratchFolder, "peer-videos.txt");
        File.WriteAllLines(list, videoPaths.Select(Path.GetFullPath));
        string I(int value) => value.ToString(CultureInfo.InvariantCulture);
        var result = RunProcess(Python, [
            Script, "--list", list, "--arch", architecture, "--size", I(inputSize), "--shorter", I(resizeShorter),
            "--segments", I(segments), "--train-views", I(trainViews), "--workers", I(workers), "--threads", I(threads)],
            TimeSpan.FromHours(2));
        string? line = result.Stdout.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"the peer failed (exit {result.ExitCode}): {result.Output.Trim()}");
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new PeerThroughput(
            root.GetProperty("videos").GetInt32(),
            root.GetProperty("seconds").GetDouble(),
            root.GetProperty("videos_per_s").GetDouble(),
            root.GetProperty("torch").GetString() ?? "?");
    }

    private static (int ExitCode, string Stdout, string Output) RunProcess(string program, IReadOnlyList<string> args, TimeSpan limit)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, stdout.Result, $"did not finish in {limit}\n{stderr.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stdout.Result + stderr.Result);
    }
}
