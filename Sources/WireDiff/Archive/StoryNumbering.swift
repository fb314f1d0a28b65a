/// Gives the stories of a clustering their stable ids: a story keeps its id when it grows,
/// and ids are never reused (`Documentation/Archive.md`, "Story ids").
///
/// Every commit clusters the whole archive again (so that it answers as `dedup` over all its
/// articles would); then each new story takes the id of the previous story it shares the most
/// articles with, pairs being matched greedily by that overlap (largest first; ties: the
/// lower previous id, then the earlier representative), each id and each story matched once.
/// So a story that only grew keeps its id; when two stories turn out to be one, the merged
/// story keeps the id of the one that brought more articles (on a tie the older id), and the
/// other id is retired, recorded as merged into it; when a story splits, the larger part
/// keeps the id. Stories matched to no previous id get new ids in the archive order of their
/// representatives; on a new archive these are 0, 1, 2, … as `dedup` numbers its clusters.
///
/// - Complexity: O(n) plus a sort of the (story, previous id) pairs.
enum StoryNumbering {
    /// The numbering of one clustering.
    struct Result: Equatable {
        /// Per article: its story's id.
        var stories: [Int]
        var nextID: Int
        /// Stories in the clustering.
        var count: Int
        var merges: [ArchiveManifest.CommitRecord.Merge]
    }

    /// Numbers the stories given by `representatives` (per article, its story's
    /// representative), with `previous(i)` the story article `i` was in before (`nil` for a
    /// new article) and `nextID` the first id never given.
    static func number(representatives: [Int], previous: (Int) -> Int?, nextID: Int) -> Result {
        let n = representatives.count
        // How many articles of each previous story each new story holds.
        var keys: [UInt64] = []
        for i in 0..<n {
            if let p = previous(i) { keys.append(PackedPair.pack(representatives[i], p)) }
        }
        RadixSort.sort(&keys)
        var overlaps: [(count: Int, story: Int, previous: Int)] = []
        var k = 0
        while k < keys.count {
            var end = k + 1
            while end < keys.count && keys[end] == keys[k] { end += 1 }
            overlaps.append((end - k, PackedPair.high(keys[k]), PackedPair.low(keys[k])))
            k = end
        }
        overlaps.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.previous != b.previous { return a.previous < b.previous }
            return a.story < b.story
        }
        var idOf = [Int](repeating: -1, count: n)
        var used = Set<Int>()
        for o in overlaps where idOf[o.story] < 0 && !used.contains(o.previous) {
            idOf[o.story] = o.previous
            used.insert(o.previous)
        }
        var next = nextID
        var count = 0
        for r in 0..<n where representatives[r] == r {
            count += 1
            if idOf[r] < 0 {
                idOf[r] = next
                next += 1
            }
        }
        // A previous id no story took went where most of its articles went.
        var merges: [ArchiveManifest.CommitRecord.Merge] = []
        var retired = Set<Int>()
        for o in overlaps where !used.contains(o.previous) && !retired.contains(o.previous) {
            retired.insert(o.previous)
            merges.append(.init(from: o.previous, into: idOf[o.story]))
        }
        merges.sort { $0.from < $1.from }
        return Result(stories: representatives.map { idOf[$0] }, nextID: next, count: count, merges: merges)
    }

    /// Numbers the stories of a clustering that changed only `region` (ascending articles,
    /// whole stories before and after: ``ArchiveRegion``): ``number(representatives:previous:nextID:)``
    /// of the region alone, every other article keeping its id. `stories` are the ids before
    /// (one per article archived then), `storyCount` their stories, `count` the articles now.
    /// The same result as numbering the whole clustering: an id outside the region is held by
    /// the same articles before and after, so it matches its own story and nothing else.
    ///
    /// - Complexity: O(n) to copy the ids, plus the numbering of the region.
    static func number(
        region: [Int], representatives: [Int], stories: [UInt32], storyCount: Int, count n: Int, nextID: Int
    ) -> Result {
        func local(_ x: Int) -> Int {
            var low = 0, high = region.count
            while low < high {
                let mid = (low + high) / 2
                if region[mid] < x { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let part = number(
            representatives: region.map { local(representatives[$0]) },
            previous: { region[$0] < stories.count ? Int(stories[region[$0]]) : nil }, nextID: nextID)
        var all = stories.map { Int($0) }
        all += [Int](repeating: -1, count: n - stories.count)
        var before = Set<UInt32>()
        for (k, x) in region.enumerated() {
            if x < stories.count { before.insert(stories[x]) }
            all[x] = part.stories[k]
        }
        return Result(stories: all, nextID: part.nextID, count: storyCount - before.count + part.count, merges: part.merges)
    }
}
