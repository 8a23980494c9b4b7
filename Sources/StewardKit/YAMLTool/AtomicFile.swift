import Foundation
import StewardPlanner

/// Replaces a file's contents atomically: a temporary file beside it, same permissions, then a rename.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws(StewardError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).steward-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            try Data(bytes).write(to: temporary)
            if let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes(
                    [.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw StewardError.file(path: path, action: "replace", reason: reason)
            }
        } catch let error as StewardError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .file(path: path, action: "write", reason: error.localizedDescription)
        }
    }
}
