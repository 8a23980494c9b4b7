import Foundation
import NIOHTTP1

/// The human-readable message in a forge's error answer.
///
/// The shapes this understands are the documented ones: GitHub's `{"message", "errors":
/// [{"message"} | {"resource", "field", "code"}]}`, GitLab's `{"message": "…" | ["…"] | {"field":
/// ["…"]}}` and `{"error", "error_description"}`, Gitea's `{"message", "url"}`; anything else
/// (an HTML page from a proxy, Rack::Attack's `Retry later`) is quoted as text.
enum ForgeErrorBody {
    /// The message for `body`, or the status's reason phrase when the body says nothing.
    static func message(status: Int, body: [UInt8]) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let message = message(in: object)
        {
            return message
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty, !text.hasPrefix("<") {
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
            return firstLine.count > 200 ? String(firstLine.prefix(200)) + "…" : firstLine
        }
        return HTTPResponseStatus(statusCode: status).reasonPhrase
    }

    private static func message(in object: [String: Any]) -> String? {
        var parts: [String] = []
        if let message = object["message"], let text = flatten(message) {
            parts.append(text)
        }
        if let error = object["error"] as? String {
            if let description = object["error_description"] as? String {
                parts.append("\(error): \(description)")
            } else {
                parts.append(error)
            }
        }
        if let errors = object["errors"] as? [Any] {
            let details = errors.compactMap(detail(of:))
            if !details.isEmpty {
                let joined = details.joined(separator: "; ")
                if parts.isEmpty { parts.append(joined) } else { parts[parts.count - 1] += ": " + joined }
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// One entry of GitHub's `errors` array: its `message`, or `resource.field code`.
    private static func detail(of error: Any) -> String? {
        if let text = error as? String { return text }
        guard let object = error as? [String: Any] else { return nil }
        if let message = object["message"] as? String { return message }
        let location = [object["resource"], object["field"]].compactMap { $0 as? String }
            .joined(separator: ".")
        let code = object["code"] as? String
        let text = [location, code ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    /// GitLab's `message` is a string, a list of strings, or field → list of strings.
    private static func flatten(_ value: Any) -> String? {
        if let text = value as? String { return text }
        if let list = value as? [Any] {
            let items = list.compactMap(flatten)
            return items.isEmpty ? nil : items.joined(separator: "; ")
        }
        if let object = value as? [String: Any] {
            let items = object.sorted { $0.key < $1.key }.compactMap { entry in
                flatten(entry.value).map { "\(entry.key) \($0)" }
            }
            return items.isEmpty ? nil : items.joined(separator: "; ")
        }
        return nil
    }
}
