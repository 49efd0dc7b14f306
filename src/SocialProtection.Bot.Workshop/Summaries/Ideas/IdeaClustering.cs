namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>
/// Agglomerative grouping with average linkage (UPGMA), stopped at a similarity threshold: the two most alike groups
/// are joined while their mean pairwise similarity is at least the threshold. Average linkage does not chain the way
/// single linkage does (a point naming two ideas does not glue them together), and stays cheap: the joined group's
/// similarities follow from its parts' (Lance–Williams). Ties go to the lowest indices, so the result depends only on
/// the order the caller gives, which is canonical.
/// </summary>
internal static class IdeaClustering
{
    /// <summary>The group of each item, named by its lowest item index.</summary>
    /// <param name="sizes">How many points each item stands for (its weight in the average).</param>
    public static int[] Cluster(IReadOnlyList<SparseVector> items, IReadOnlyList<double> sizes, double threshold, CancellationToken cancellationToken)
    {
        var n = items.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        if (n < 2)
        {
            return parent;
        }

        var sim = new double[(long)n * n];
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = i + 1; j < n; j++)
            {
                sim[(long)i * n + j] = sim[(long)j * n + i] = items[i].Dot(items[j]);
            }
        }

        var active = new bool[n];
        Array.Fill(active, true);
        var size = sizes.ToArray();
        var best = new int[n];
        for (var i = 0; i < n; i++)
        {
            best[i] = BestOf(i);
        }

        while (true)
        {
            var a = -1;
            var top = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (active[i] && best[i] >= 0 && sim[(long)i * n + best[i]] > top)
                {
                    top = sim[(long)i * n + best[i]];
                    a = i;
                }
            }
            if (a < 0 || top < threshold)
            {
                break;
            }

            var b = best[a];
            if (b < a)
            {
                (a, b) = (b, a);
            }
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != a && k != b)
                {
                    var joined = (size[a] * sim[(long)a * n + k] + size[b] * sim[(long)b * n + k]) / (size[a] + size[b]);
                    sim[(long)a * n + k] = sim[(long)k * n + a] = joined;
                }
            }
            size[a] += size[b];
            active[b] = false;
            parent[b] = a;

            best[a] = BestOf(a);
            for (var k = 0; k < n; k++)
            {
                if (!active[k] || k == a)
                {
                    continue;
                }
                if (best[k] == a || best[k] == b)
                {
                    best[k] = BestOf(k);
                }
                else if (best[k] < 0 || sim[(long)k * n + a] > sim[(long)k * n + best[k]] || (sim[(long)k * n + a] == sim[(long)k * n + best[k]] && a < best[k]))
                {
                    best[k] = a;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }
            parent[i] = root;
        }
        return parent;

        int BestOf(int i)
        {
            var found = -1;
            var value = double.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                if (j != i && active[j] && sim[(long)i * n + j] > value)
                {
                    value = sim[(long)i * n + j];
                    found = j;
                }
            }
            return found;
        }
    }
}

/// <summary>A weighted set of topics: ids ascending (vocabulary ranks), with their weights.</summary>
internal readonly record struct SparseVector(int[] Ids, double[] Values)
{
    public double Dot(SparseVector other)
    {
        var sum = 0.0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            var difference = Ids[i] - other.Ids[j];
            if (difference == 0)
            {
                sum += Values[i] * other.Values[j];
                i++;
                j++;
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return sum;
    }

    public double Dot(IReadOnlyDictionary<int, double> dense)
    {
        var sum = 0.0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (dense.TryGetValue(Ids[i], out var value))
            {
                sum += Values[i] * value;
            }
        }
        return sum;
    }
}
