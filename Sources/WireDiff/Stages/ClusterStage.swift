/// `wirediff cluster`: components in, stories out. The input holds, component after component
/// (each component's records together, in any order within it), its articles
/// (`component`, `index`, `date`, `features`) and its pairs (`component`, `a`, `b`,
/// `candidate`, and the evidence members of ``PairEvidence/recordMembers`` when measured);
/// each component is clustered by ``ComponentClusterer``. Out come, per component, one
/// *assignment* per article (`index`, `representative`, `evidence` against it from the
/// article's side, or `null`), then its *asks* (`ask`: `[a, b]`), the pairs across its border
/// the engine must verify before the assignments are final.
///
/// - Complexity: that of ``ComponentClusterer`` per component; memory one component.
package struct ClusterStage {
    let clusterer: ComponentClusterer

    package init(options: DedupOptions) {
        clusterer = ComponentClusterer(options: options)
    }

    /// Clusters every component of `input`, passing each output line to `emit`.
    ///
    /// - Throws: ``InputError/badRecord(path:line:reason:)`` for a bad record, or a component
    ///   whose records are not together.
    package func run(_ input: ByteStream, emit: (String) -> Void) throws(InputError) {
        var current: Int?
        var done: Set<Int> = []
        var articles: [StageRecord] = []
        var pairs: [ComponentClusterer.Pair] = []
        func finish() throws(InputError) {
            guard let component = current else { return }
            done.insert(component)
            articles.sort { $0.line < $1.line }
            var sorted: [(index: Int, record: StageRecord)] = []
            for record in articles { sorted.append((try record.integer("index"), record)) }
            sorted.sort { $0.index < $1.index }
            var part = FeatureStore.Part()
            var dates: [String?] = []
            for (k, entry) in sorted.enumerated() {
                if k > 0 && sorted[k - 1].index == entry.index { throw entry.record.bad("article \(entry.index) is given twice") }
                try entry.record.features("features", appendingTo: &part)
                dates.append(try entry.record.optionalString("date"))
            }
            let (assignments, asks) = clusterer.cluster(
                indices: sorted.map(\.index), dates: dates, store: FeatureStore(parts: [part]), pairs: pairs)
            for a in assignments {
                var members: [(key: String, value: JSONValue)] = [("index", .int(a.index)), ("representative", .int(a.representative))]
                members.append(("evidence", a.evidence.map { .object(JSONObject($0.recordMembers)) } ?? .null))
                emit(JSONValue.object(JSONObject(members)).serialized)
            }
            for (a, b) in asks { emit(JSONValue.object(["ask": .array([.int(a), .int(b)])]).serialized) }
            articles.removeAll()
            pairs.removeAll()
        }
        try StageRecord.forEach(in: input) { (record) throws(InputError) in
            let component = try record.integer("component")
            if component != current {
                try finish()
                guard !done.contains(component) else {
                    throw record.bad("component \(component) again after others: a component's records must come together")
                }
                current = component
            }
            if record.has("features") {
                articles.append(record)
            } else {
                let a = try record.integer("a"), b = try record.integer("b")
                guard a < b else { throw record.bad("a pair needs a < b, found \(a) and \(b)") }
                let evidence = record.has("same_story") ? try PairEvidence(record: record) : nil
                pairs.append(ComponentClusterer.Pair(a: a, b: b, candidate: try record.boolean("candidate"), evidence: evidence))
            }
        }
        try finish()
    }
}
