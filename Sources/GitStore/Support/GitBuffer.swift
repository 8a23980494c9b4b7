internal import CLibGit2

extension git_buf {
    /// The buffer's contents as bytes (the buffer still has to be disposed by its owner).
    func bytes() -> [UInt8] {
        guard let ptr, size > 0 else { return [] }
        return ptr.withMemoryRebound(to: UInt8.self, capacity: size) {
            Array(UnsafeBufferPointer(start: $0, count: size))
        }
    }

    /// The buffer's contents decoded as UTF-8, invalid sequences repaired.
    func string() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }
}
