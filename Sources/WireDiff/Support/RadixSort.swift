/// Radix sort of 64-bit keys, for the multi-million-entry arrays of band keys and candidate
/// pairs where a comparison sort is the bottleneck.
///
/// Large arrays are first partitioned in place on their top 8 bits (American flag sort,
/// McIlroy, Bostic & McIlroy, *Engineering radix sort*, 1993); each of the 256 buckets is then
/// sorted by least-significant-digit passes of 11 bits (Knuth, *TAOCP* vol. 3, §5.2.5) through
/// one scratch buffer the size of the largest bucket. Extra memory is therefore about n/256
/// keys for uniformly distributed keys (hashes), not n.
///
/// - Complexity: O(n · p) for p ≤ 6 passes over the key bits in use.
package enum RadixSort {
    /// Sorts `values` ascending in place.
    package static func sort(_ values: inout [UInt64]) {
        let n = values.count
        if n < 256 {
            values.sort()
            return
        }
        var highest: UInt64 = 0
        for v in values { highest |= v }
        let bits = 64 - highest.leadingZeroBitCount
        if bits == 0 { return }
        var scratch: [UInt64] = []
        if n < 1 << 16 || bits <= 8 {
            scratch = [UInt64](repeating: 0, count: n)
            values.withUnsafeMutableBufferPointer { a in
                scratch.withUnsafeMutableBufferPointer { s in lsd(a, scratch: s, bits: bits) }
            }
            return
        }
        let shift = UInt64(bits - 8)
        var starts = [Int](repeating: 0, count: 257)
        values.withUnsafeMutableBufferPointer { a in
            // Count, then place every key in its bucket by cycling (in place).
            var counts = [Int](repeating: 0, count: 256)
            for v in a { counts[Int(v &>> shift)] += 1 }
            for d in 0..<256 { starts[d + 1] = starts[d] + counts[d] }
            var next = Array(starts[0..<256])
            for d in 0..<256 {
                while next[d] < starts[d + 1] {
                    var v = a[next[d]]
                    var digit = Int(v &>> shift)
                    while digit != d {
                        swap(&v, &a[next[digit]])
                        next[digit] += 1
                        digit = Int(v &>> shift)
                    }
                    a[next[d]] = v
                    next[d] += 1
                }
            }
        }
        var largest = 0
        for d in 0..<256 { largest = max(largest, starts[d + 1] - starts[d]) }
        scratch = [UInt64](repeating: 0, count: largest)
        values.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { s in
                for d in 0..<256 {
                    var bucket = UnsafeMutableBufferPointer(rebasing: a[starts[d]..<starts[d + 1]])
                    if bucket.count < 64 {
                        bucket.sort()
                    } else {
                        lsd(bucket, scratch: UnsafeMutableBufferPointer(rebasing: s[0..<bucket.count]), bits: Int(shift))
                    }
                }
            }
        }
    }

    /// Stable sort of `values` by the bits in `field` only (`field.lowerBound` is the lowest
    /// bit): values equal there keep their order. Least-significant-digit passes of up to 11
    /// bits over the field; short arrays use insertion sort.
    ///
    /// ``CandidateFinder`` sorts entries (key | article) of one top-byte partition by their
    /// key bits only: articles arrive in ascending order and stay so within each key, so the
    /// article bits need no passes.
    ///
    /// - Complexity: O(n · ⌈field.count / 11⌉).
    package static func stableSort(_ values: inout [UInt64], byBits field: Range<Int>) {
        let mask: UInt64 = field.count >= 64 ? .max : (1 << UInt64(field.count) - 1) << UInt64(field.lowerBound)
        if values.count < 64 {
            values.withUnsafeMutableBufferPointer { v in
                if v.count < 2 { return }
                for i in 1..<v.count {
                    let x = v[i], key = x & mask
                    var j = i - 1
                    while j >= 0 && v[j] & mask > key {
                        v[j + 1] = v[j]
                        j -= 1
                    }
                    v[j + 1] = x
                }
            }
            return
        }
        let passes = (field.count + 10) / 11
        let radixBits = (field.count + passes - 1) / passes
        var scratch = [UInt64](repeating: 0, count: values.count)
        values.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { s in
                lsd(a, scratch: s, bits: field.count, radixBits: radixBits, from: field.lowerBound)
            }
        }
    }

    /// Moves `values` into ascending order of their top byte, keeping the order within each
    /// byte (one counting pass and one scatter): enough for consumers that gather one top-byte
    /// range at a time, such as ``CandidateFinder/buckets(_:threads:)``.
    ///
    /// - Complexity: O(n), with a scratch copy of n values.
    package static func partitionByTopByte(_ values: inout [UInt64]) {
        var counts = [Int](repeating: 0, count: 257)
        for v in values { counts[Int(v &>> 56) + 1] += 1 }
        for d in 0..<256 { counts[d + 1] += counts[d] }
        // Every slot is written once by the scatter, so the copy starts uninitialized.
        values = [UInt64](unsafeUninitializedCapacity: values.count) { r, initialized in
            for v in values {
                let d = Int(v &>> 56)
                r[counts[d]] = v
                counts[d] += 1
            }
            initialized = values.count
        }
    }

    /// Least-significant-digit passes over the low `bits` bits; the result ends in `a`.
    static func lsd(
        _ a: UnsafeMutableBufferPointer<UInt64>, scratch s: UnsafeMutableBufferPointer<UInt64>, bits: Int,
        radixBits: Int = 11, from lowest: Int = 0
    ) {
        let passes = (bits + radixBits - 1) / radixBits
        var counts = [Int](repeating: 0, count: 1 << radixBits)
        var inA = true
        counts.withUnsafeMutableBufferPointer { c in
            for pass in 0..<passes {
                let shift = UInt64(lowest + pass * radixBits)
                // The last pass may cover fewer bits: it must not sort on bits past `bits`.
                let mask = UInt64(1 << min(radixBits, bits - pass * radixBits) - 1)
                let (source, target) = inA ? (a, s) : (s, a)
                for i in 0..<c.count { c[i] = 0 }
                for v in source { c[Int((v &>> shift) & mask)] += 1 }
                var total = 0
                for i in 0..<c.count {
                    let count = c[i]
                    c[i] = total
                    total += count
                }
                for v in source {
                    let digit = Int((v &>> shift) & mask)
                    target[c[digit]] = v
                    c[digit] += 1
                }
                inA.toggle()
            }
        }
        if !inA {
            for i in 0..<a.count { a[i] = s[i] }
        }
    }
}
