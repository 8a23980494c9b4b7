/// The single Swift owner of one libgit2 object pointer; frees it with the matching
/// `git_*_free` function when released.
final class GitHandle {
    let pointer: OpaquePointer
    private let release: (OpaquePointer) -> Void

    init(_ pointer: OpaquePointer, release: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.release = release
    }

    deinit {
        release(pointer)
    }
}
