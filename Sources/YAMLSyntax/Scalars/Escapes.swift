/// A table of backslash escapes: the double-quoted scalars the emitter writes, the quoted keys of
/// paths, and the scalars of the test suite's event lines each escape their own set.
struct Escapes {
    var table: [Unicode.Scalar: String]

    /// `text` with every scalar of the table replaced by its escape, and each other scalar for
    /// which `fallback` gives an escape replaced by that.
    func apply(to text: String, fallback: (Unicode.Scalar) -> String? = { _ in nil }) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let escape = table[scalar] ?? fallback(scalar) {
                out += escape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
