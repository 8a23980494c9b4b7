extension StringProtocol {
    /// The first range of the ASCII text `needle`, found by comparing UTF-8 bytes: the generic
    /// `firstRange(of:)` costs thousands of instructions per call on the short lines of chart
    /// templates, read for every chart.
    func firstRange(ofASCII needle: StaticString) -> Range<Index>? {
        let bytes = utf8
        let count = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        guard let first = pattern.first else { return startIndex..<startIndex }
        var start = bytes.startIndex
        while start != bytes.endIndex {
            if bytes[start] == first {
                var end = bytes.index(after: start)
                var matched = 1
                while matched < count, end != bytes.endIndex, bytes[end] == pattern[matched] {
                    end = bytes.index(after: end)
                    matched += 1
                }
                if matched == count { return start..<end }
            }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// Whether the text contains the ASCII text `needle`, compared as bytes.
    func contains(ascii needle: StaticString) -> Bool {
        firstRange(ofASCII: needle) != nil
    }
}
