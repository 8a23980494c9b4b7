import ClientSupport
import Foundation

/// The secret a client authenticates with. It prints as `<redacted>` so that it cannot leak
/// into a log line or an error message by interpolation.
public struct ForgeToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; only the HTTP layer reads it, to build the authorization header and
    /// the redactor of what the forge echoes back.
    let secret: String

    /// Wraps a token held in memory (tests, or a token from another secret store).
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` when it is empty or spans lines.
    public init(_ secret: String, forge: ForgeKind) throws(ForgeError) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ForgeError(code: .invalidConfiguration, forge: forge, message: "the token is empty")
        }
        guard !trimmed.contains(where: \.isNewline) else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge, message: "the token spans several lines")
        }
        self.secret = trimmed
    }

    /// Reads the token from a file (a mounted Secret), ignoring surrounding whitespace and the
    /// final newline that editors and `kubectl create secret --from-file` leave.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` naming the file (never its content)
    ///   when it cannot be read, is empty, or holds more than one line.
    public init(contentsOfFile path: String, forge: ForgeKind) throws(ForgeError) {
        let bytes: [UInt8]
        do {
            bytes = try Self.read(path)
        } catch {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message:
                    "cannot read the token file \(path): \(String(cString: strerror(error.code.rawValue)))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge, message: "the token file \(path) is not UTF-8 text"
            )
        }
        do {
            try self.init(text, forge: forge)
        } catch {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message: "\(error.message) in the token file \(path)")
        }
    }

    public var description: String { Redactor.placeholder }
    public var debugDescription: String { Redactor.placeholder }

    // Plain POSIX reads, so the error is errno's own words ("No such file or directory",
    // "Permission denied", "Is a directory") on every platform.
    private static func read(_ path: String) throws(POSIXError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            bytes += chunk[..<count]
        }
    }
}
