import Foundation

/// A value Steward writes out as JSON: sorted keys, two-space indentation, unescaped slashes and a
/// final newline, so that the same value always gives the same bytes (evidence notes are hashed).
package protocol JSONDocument: Encodable {}

extension JSONDocument {
    /// The document's text.
    package var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        } catch {
            // Plain value types with string keys fail only on a NaN or an infinite number: a bug in
            // the code that made the document, not a condition a caller could handle.
            preconditionFailure("\(Self.self) does not encode as JSON: \(error)")
        }
    }
}
