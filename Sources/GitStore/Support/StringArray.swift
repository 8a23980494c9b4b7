internal import CLibGit2
import Foundation

/// Runs `body` with a `git_strarray` holding copies of `strings`, freed afterwards.
func withStringArray<Result>(_ strings: [String], _ body: (inout git_strarray) throws -> Result) rethrows
    -> Result
{
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer {
        for pointer in pointers { free(pointer) }
    }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
