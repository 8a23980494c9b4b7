/// What an edit promised: the scalar at `path` reads `value`, or (nil) the key is gone.
struct EditExpectation {
    var document: Int
    var path: YAMLPath
    var value: String?
}
