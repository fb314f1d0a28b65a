/// The documented JSON form of a diff (see Documentation/JSON.md, section "diff").
extension DiffReport {
    /// The version of the JSON layout; bumped on any incompatible change.
    package static let schemaVersion = 2

    /// The whole report as one JSON object: `kind` "pair" (two versions: the pair's fields at
    /// the top level) or "table" (more: `table` plus one entry per other version in `pairs`).
    package func json() -> JSONValue {
        var object: JSONObject = [
            "schema_version": .int(DiffReport.schemaVersion),
            "kind": .string(table == nil ? "pair" : "table"),
            "documents": .array(documents.map { .object($0.json(datelines: false)) }),
        ]
        if let table {
            object.append("table", DiffReport.json(table))
            object.append("pairs", .array(pairs.enumerated().map { index, pair in
                var fields: JSONObject = ["reference": .int(0), "other": .int(index + 1)]
                fields.members += DiffReport.fields(pair).members
                return .object(fields)
            }))
        } else {
            object.members += DiffReport.fields(pairs[0]).members
        }
        return .object(object)
    }

    /// The members of one pair report: alignments, added, omitted, verdict, credits.
    static func fields(_ pair: PairReport) -> JSONObject {
        [
            "alignments": .array(pair.alignments.map(json)),
            "added": .array(pair.added.map(JSONValue.int)),
            "omitted": .array(pair.omitted.map(JSONValue.int)),
            "verdict": json(pair.verdict),
            "credits": .array(pair.credits.map { c in
                .object([
                    "sentence": .int(c.sentence),
                    "start": .int(c.range.lowerBound),
                    "end": .int(c.range.upperBound),
                    "text": .string(c.text),
                    "outlet": .optional(c.outlet),
                    "names_reference": .bool(c.namesReference),
                ])
            }),
        ]
    }

    static func json(_ alignment: Alignment) -> JSONValue {
        .object([
            "a": .array(alignment.a.map(JSONValue.int)),
            "b": .array(alignment.b.map(JSONValue.int)),
            "score": .rounded(alignment.score),
            "kind": .string(alignment.kind.rawValue),
            "breakdown": json(alignment.breakdown),
            "changes": .array(alignment.changes.map(json)),
            "rewordings": .array(alignment.rewordings.map { r in
                .object([
                    "kind": .string(r.kind.rawValue),
                    "reference_text": .string(r.referenceText),
                    "other_text": .string(r.otherText),
                    "reference_start": .int(r.referenceRange.lowerBound),
                    "reference_end": .int(r.referenceRange.upperBound),
                    "other_start": .int(r.otherRange.lowerBound),
                    "other_end": .int(r.otherRange.upperBound),
                ])
            }),
            "diff": .array(alignment.wordDiff.map { op in
                .object([
                    "op": .string(op.kind.rawValue),
                    "text": .string(op.text),
                    "reference_start": offset(op.referenceRange?.lowerBound),
                    "reference_end": offset(op.referenceRange?.upperBound),
                    "other_start": offset(op.otherRange?.lowerBound),
                    "other_end": offset(op.otherRange?.upperBound),
                ])
            }),
        ])
    }

    /// A similarity breakdown (also each line of `pairs --format json`).
    package static func json(_ b: SimilarityBreakdown) -> JSONValue {
        .object([
            "score": .rounded(b.score),
            "word_score": .rounded(b.wordScore),
            "character_score": .rounded(b.characterScore),
            "quote_overlap": .rounded(b.quoteOverlap),
            "reference_coverage": .rounded(b.referenceCoverage),
            "other_coverage": .rounded(b.otherCoverage),
            "unmatched_numbers": .int(b.unmatchedNumbers),
            "contradicting_numbers": .bool(b.contradictingNumbers),
            "unmatched_names": .int(b.unmatchedNames),
            "negation_mismatch": .bool(b.negationMismatch),
            "unmatched_reference_words": .int(b.unmatchedReferenceWords),
            "unmatched_other_words": .int(b.unmatchedOtherWords),
            "bigram_overlap": .rounded(b.bigramOverlap),
            "word_overlap": .rounded(b.wordOverlap),
            "shared_words": .array(b.sharedWords.map(JSONValue.string)),
            "shared_names": .array(b.sharedNames.map(JSONValue.string)),
            "shared_numbers": .array(b.sharedNumbers.map(JSONValue.string)),
        ])
    }

    static func json(_ c: ChangedDetail) -> JSONValue {
        .object([
            "kind": .string(c.kind.rawValue),
            "reference_text": .string(c.referenceText),
            "other_text": .string(c.otherText),
            "reference_sentence": offset(c.referenceSentence),
            "reference_start": offset(c.referenceRange?.lowerBound),
            "reference_end": offset(c.referenceRange?.upperBound),
            "other_sentence": offset(c.otherSentence),
            "other_start": offset(c.otherRange?.lowerBound),
            "other_end": offset(c.otherRange?.upperBound),
        ])
    }

    static func json(_ v: Verdict) -> JSONValue {
        .object([
            "kind": .string(v.kind.rawValue),
            "reference_coverage": .rounded(v.referenceCoverage),
            "other_coverage": .rounded(v.otherCoverage),
            "reference_weighted_coverage": .rounded(v.referenceWeightedCoverage),
            "other_weighted_coverage": .rounded(v.otherWeightedCoverage),
            "reference_sentences": .int(v.referenceSentences),
            "other_sentences": .int(v.otherSentences),
            "links": .int(v.links),
            "best_score": .rounded(v.bestScore),
            "longest_shared_passage": .int(v.longestSharedPassage),
            "same_story_score": .rounded(v.sameStoryScore),
            "same_story_reason": .string(v.sameStoryReason),
        ])
    }

    static func json(_ table: FactTable) -> JSONValue {
        .object([
            "documents": .array(table.documentIDs.map(JSONValue.string)),
            "rows": .array(table.rows.map { row in
                .object([
                    "anchor": .int(row.anchor),
                    "sentences": .array(row.sentences.map(JSONValue.int)),
                    "cells": .array(row.cells.map { cell in
                        .object([
                            "state": .string(cell.state.rawValue),
                            "sentences": .array(cell.sentences.map(JSONValue.int)),
                            "score": .rounded(cell.score),
                            "changes": .array(cell.changes.map(json)),
                        ])
                    }),
                ])
            }),
        ])
    }

    static func offset(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
}
