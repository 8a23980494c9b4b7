import Foundation

/// Writes OpenMetrics text samples (`name{labels} value timestamp`) to a file through a buffer,
/// counting them, so that a backfill can be checked against what was written.
final class OpenMetricsWriter {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var samples = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw PrometheusSupportError("cannot create \(path)")
        }
        self.path = path
        self.handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends one sample; `series` is `name{labels} ` with the trailing space.
    func sample(_ series: [UInt8], value: Double, time: Int64) throws {
        buffer.append(contentsOf: series)
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value))
        } else {
            buffer.append(contentsOf: value.description.utf8)
        }
        buffer.append(UInt8(ascii: " "))
        appendInteger(time)
        buffer.append(UInt8(ascii: "\n"))
        samples += 1
        if buffer.count >= 1 << 20 {
            try flush()
        }
    }

    /// Ends the file with `# EOF`, which promtool requires, and closes it.
    func finish() throws {
        buffer.append(contentsOf: "# EOF\n".utf8)
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendInteger(_ value: Int64) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) {
                buffer.append(raw[index])
            }
        }
    }
}
