/// Least-significant-digit radix sort of 64-bit keys, for the multi-million-entry arrays of
/// band keys and candidate pairs where a comparison sort is the bottleneck.
///
/// - Complexity: O(n · p) for p passes of 11 bits over the key bits in use (at most 6), plus
///   one scratch array of n keys.
/// - SeeAlso: Knuth, *The Art of Computer Programming* vol. 3, §5.2.5.
public enum RadixSort {
    /// Sorts `values` ascending in place.
    public static func sort(_ values: inout [UInt64]) {
        let n = values.count
        if n < 256 {
            values.sort()
            return
        }
        var highest: UInt64 = 0
        for v in values { highest |= v }
        let bits = 64 - highest.leadingZeroBitCount
        let radixBits = 11
        let passes = (bits + radixBits - 1) / radixBits
        if passes == 0 { return }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << radixBits)
        let mask = UInt64(1 << radixBits - 1)
        var inValues = true
        for pass in 0..<passes {
            let shift = UInt64(pass * radixBits)
            values.withUnsafeMutableBufferPointer { a in
                scratch.withUnsafeMutableBufferPointer { b in
                    counts.withUnsafeMutableBufferPointer { c in
                        let (source, target) = inValues ? (a, b) : (b, a)
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
                    }
                }
            }
            inValues.toggle()
        }
        if !inValues { swap(&values, &scratch) }
    }
}
