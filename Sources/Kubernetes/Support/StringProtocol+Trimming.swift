extension StringProtocol {
    /// The text without leading and trailing `characters`.
    func trimming(_ characters: String) -> String {
        let bytes = Substring(self).utf8
        // ASCII text trimmed of ASCII characters other than line breaks: every byte is a
        // character of its own, so bytes can be compared (a CR LF pair would be one character).
        if characters.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }),
            bytes.allSatisfy({ $0 < 0x80 })
        {
            let trimmed = characters.utf8
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end, trimmed.contains(bytes[start]) { start = bytes.index(after: start) }
            while end > start, trimmed.contains(bytes[bytes.index(before: end)]) {
                end = bytes.index(before: end)
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
