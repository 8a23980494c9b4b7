import Foundation

/// A value Steward writes out as JSON: sorted keys, two-space indentation, unescaped slashes and a
/// final newline, so that the same value always gives the same bytes (evidence notes are hashed).
package protocol JSONDocument: Encodable {}

extension JSONDocument {
    /// The document's text.
    package var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain value types with string keys always encode.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
