/// Bytes to put in place of a range of the file.
struct Replacement {
    var range: Range<Int>
    var bytes: [UInt8]
    /// Where the edit that asked for it points, for error messages.
    var origin: Int

    init(_ range: Range<Int>, _ text: String, origin: Int? = nil) {
        self.range = range
        self.bytes = Array(text.utf8)
        self.origin = origin ?? range.lowerBound
    }
}
