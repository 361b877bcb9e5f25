using System.Globalization;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// Joins the complete shards under a store's shards/ folder into the store itself (`vrec extract --merge`),
/// in the store's global video order, so the result has the same bytes as a one-shot extraction.
/// </summary>
public static class FeatureStoreMerge
{
    public static int Merge(FeatureStoreLayout target, IProgressReporter progress, CancellationToken ct)
    {
        IReadOnlyList<FeatureStoreLayout> shards = FindShards(target);
        var opened = shards.Select(s => FeatureStore.Open(s.Folder)).ToList();
        try
        {
            FeatureStoreManifest manifest = opened[0].Manifest;
            if (opened.FirstOrDefault(s => s.Manifest != manifest) is { } odd)
            {
                throw new BadInputException($"{odd.Layout.Folder} was extracted with other settings ({FeatureIndexJson.Describe(odd.Manifest)}) than {opened[0].Layout.Folder} ({FeatureIndexJson.Describe(manifest)}); shards of one store must share them");
            }

            var all = opened.SelectMany(store => store.Entries.Select(entry => (store, entry))).ToList();
            var duplicate = all.GroupBy(x => x.entry.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new BadInputException($"video '{duplicate.Key}' is in more than one shard ({string.Join(", ", duplicate.Select(x => x.store.Layout.Folder))})");
            }

            using var writer = FeatureStoreWriter.OpenOrResume(target, manifest);
            var done = writer.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var features = new float[manifest.FloatsPerVideo];
            using IProgressTask task = progress.Start("Merging feature shards", all.Count, "videos");
            task.Advance(done.Count);
            foreach (var (store, entry) in ShardSpec.GlobalOrder(all, x => x.entry.Id))
            {
                ct.ThrowIfCancellationRequested();
                if (done.Contains(entry.Id))
                {
                    continue;
                }

                if (entry.HasFeatures)
                {
                    System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(store.Raw(store.PositionOf(entry.Id)), features);
                    writer.Append(entry, features);
                }
                else
                {
                    writer.AppendFailure(entry, entry.Problem ?? "unreadable");
                }

                task.Advance();
            }

            writer.Complete();
            return all.Count;
        }
        finally
        {
            opened.ForEach(s => s.Dispose());
        }
    }

    /// <summary>All n shards of the store, each complete; anything else is named and refused.</summary>
    private static IReadOnlyList<FeatureStoreLayout> FindShards(FeatureStoreLayout target)
    {
        if (!Directory.Exists(target.ShardsFolder))
        {
            throw new BadInputException($"{target.ShardsFolder}: no shards to merge; extract with --shard i/n first");
        }

        var found = Directory.GetDirectories(target.ShardsFolder)
            .Select(path => (path, name: Path.GetFileName(path).Split("-of-")))
            .Where(x => x.name.Length == 2)
            .Select(x => (x.path, index: int.Parse(x.name[0], CultureInfo.InvariantCulture), count: int.Parse(x.name[1], CultureInfo.InvariantCulture)))
            .ToList();
        var counts = found.Select(x => x.count).Distinct().ToList();
        if (counts.Count != 1)
        {
            throw new BadInputException($"{target.ShardsFolder}: expected the shards of one split (i-of-n with one n), found n = {string.Join(", ", counts)}");
        }

        int n = counts[0];
        var missing = Enumerable.Range(1, n).Except(found.Select(x => x.index)).ToList();
        var incomplete = found.Where(x => !File.Exists(new FeatureStoreLayout(x.path).Complete)).Select(x => x.index).ToList();
        if (missing.Count > 0 || incomplete.Count > 0)
        {
            throw new BadInputException(
                $"{target.ShardsFolder}: cannot merge yet; " +
                (missing.Count > 0 ? $"shards not started: {string.Join(", ", missing.Select(i => $"{i}/{n}"))}; " : string.Empty) +
                (incomplete.Count > 0 ? $"shards not finished: {string.Join(", ", incomplete.Select(i => $"{i}/{n}"))}" : string.Empty));
        }

        return found.OrderBy(x => x.index).Select(x => new FeatureStoreLayout(x.path)).ToList();
    }
}
