import Foundation

/// The two per-record stages of a distributed run that work from features alone:
/// `wirediff sketch` (an article's buckets) and `wirediff verify` (a pair's evidence). Both
/// read records one at a time and keep nothing but their scratch buffers.
package enum PairStage {
    /// `wirediff sketch`: `{"index", "features"}` in, `{"index", "buckets"}` out: the buckets
    /// (``PassageSketcher/bucketKeys(of:bandsPerGroup:)``) the article falls in, with the plan's
    /// common shingles and band grouping. Two articles are candidates when they share at least
    /// ``StagePlan/minimumSharedKeys`` buckets, counting a bucket of more than
    /// ``StagePlan/maximumBucket`` articles as a star around its first.
    ///
    /// - Complexity: O(p·r·b) per article of p postings, for b bands of r rows.
    package static func sketch(_ input: ByteStream, plan: StagePlan, options: DedupOptions, emit: (String) -> Void) throws(InputError) {
        var sketcher = PassageSketcher(options: options, common: plan.commonShingles)
        try StageRecord.forEach(in: input) { (record) throws(InputError) in
            let index = try record.integer("index")
            var part = FeatureStore.Part()
            try record.features("features", appendingTo: &part)
            let keys = sketcher.bucketKeys(of: part[0], bandsPerGroup: plan.bandsPerGroup)
            emit(JSONValue.object(["index": .int(index), "buckets": .array(keys.map { .int(Int($0)) })]).serialized)
        }
    }

    /// `wirediff verify`: `{"a", "b", "first", "second"}` (two articles' global indices and
    /// features) in, `{"a", "b", evidence…}` out (``PairEvidence/recordMembers``, seen from
    /// `a`'s side). Consecutive pairs with the same `a` share its table, so an engine that
    /// sorts pairs by `a` verifies faster.
    ///
    /// - Complexity: that of ``PairVerifier`` per pair.
    package static func verify(_ input: ByteStream, options: DedupOptions, emit: (String) -> Void) throws(InputError) {
        let verifier = PairVerifier(options: options)
        var scratch = PairVerifier.Scratch()
        try StageRecord.forEach(in: input) { (record) throws(InputError) in
            let a = try record.integer("a"), b = try record.integer("b")
            var part = FeatureStore.Part()
            try record.features("first", appendingTo: &part)
            try record.features("second", appendingTo: &part)
            let evidence = verifier.evidence(part[0], part[1], firstKey: a, scratch: &scratch)
            emit(JSONValue.object(JSONObject([("a", .int(a)), ("b", .int(b))] + evidence.recordMembers)).serialized)
        }
    }
}
