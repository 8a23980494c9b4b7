/// The few robust statistics the detectors use, exact and deterministic.
enum Statistics {
    /// The median of `values` (the mean of the two middle ones for an even count); nil when empty.
    ///
    /// Found by selection, not by sorting: Theil–Sen takes the median of up to 56 616 slopes per
    /// container, and selection does that in linear time.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let middle = values.count / 2
        let upper = select(&values, rank: middle)
        // Selection leaves every value before `middle` at or below it: the lower middle is their maximum.
        guard values.count % 2 == 0, let lower = values[..<middle].max() else { return upper }
        return (lower + upper) / 2
    }

    /// The mean of `values`; nil when empty.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The value of rank `rank` (0-based) in sorted order, found by quickselect with a
    /// median-of-three pivot; reorders `values` so that those before `rank` are at or below it
    /// and those after at or above it.
    private static func select(_ values: inout [Double], rank: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}
