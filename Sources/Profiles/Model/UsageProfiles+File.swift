import Foundation

extension UsageProfiles {
    /// Reads and validates a profiles file.
    ///
    /// - Throws: ``ProfilesFileError`` naming the file, and the JSON position where the decoder
    ///   gives one, for a missing file, invalid JSON, a wrong `apiVersion`/`kind`, or a field of the
    ///   wrong type.
    public static func load(from path: String) throws(ProfilesFileError) -> UsageProfiles {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ProfilesFileError(path: path, message: "cannot read the file: \(Self.reason(error))")
        }
        return try decode(data, path: path)
    }

    /// Decodes and validates the bytes of a profiles file; `path` only names it in errors.
    public static func decode(_ data: Data, path: String) throws(ProfilesFileError) -> UsageProfiles {
        struct Header: Decodable {
            var apiVersion: String?
            var kind: String?
        }
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw Self.syntaxError(in: data, path: path)
                ?? ProfilesFileError(path: path, message: "not a JSON object: \(Self.reason(error))")
        }
        guard header.apiVersion == apiVersion, header.kind == kind else {
            let found = "\(header.apiVersion ?? "no apiVersion")/\(header.kind ?? "no kind")"
            throw ProfilesFileError(
                path: path,
                message: "expected apiVersion \(apiVersion) and kind \(kind), found \(found)")
        }
        do {
            return try decoder.decode(UsageProfiles.self, from: data)
        } catch {
            throw ProfilesFileError(path: path, message: Self.reason(error))
        }
    }

    /// The profiles file as JSON with sorted keys, so that files diff well.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Where the JSON syntax breaks, as `path:line:column: not valid JSON: …`.
    ///
    /// JSONDecoder gives no position, JSONSerialization gives a character offset in its message;
    /// the offset is turned into the line and column an editor shows.
    private static func syntaxError(in data: Data, path: String) -> ProfilesFileError? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            guard let range = detail.range(of: #"around character (\d+)"#, options: .regularExpression),
                let offset = Int(detail[range].split(separator: " ").last ?? "")
            else {
                return ProfilesFileError(path: path, message: "not valid JSON: \(detail)")
            }
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            let reason = detail.replacingOccurrences(
                of: #" around character \d+\."#, with: "", options: .regularExpression)
            return ProfilesFileError(
                path: "\(path):\(line):\(column)", message: "not valid JSON: \(reason.lowercased())")
        }
    }

    /// How a JSON reader would name a Swift type.
    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(let type, let context):
            return "\(context.pathDescription): expected \(jsonName(of: type))"
        case DecodingError.keyNotFound(let key, let context):
            let parent = context.pathDescription
            return "\(parent.isEmpty ? "" : parent + ": ")missing field \"\(key.stringValue)\""
        case DecodingError.valueNotFound(let type, let context):
            return "\(context.pathDescription): expected \(jsonName(of: type)), found null"
        case DecodingError.dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"]
            return [context.pathDescription, underlying as? String ?? context.debugDescription]
                .filter { !$0.isEmpty }.joined(separator: ": ")
        case let error as CocoaError where error.code == .fileReadNoSuchFile:
            return "no such file"
        default:
            return "\(error.localizedDescription)"
        }
    }
}

extension DecodingError.Context {
    /// The coding path as `profiles[3].cpu.p95`.
    fileprivate var pathDescription: String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
