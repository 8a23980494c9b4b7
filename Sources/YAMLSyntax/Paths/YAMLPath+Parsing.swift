extension YAMLPath {
    /// Parses `a.b[name=app].c`, `["x.y/z"]`, `[N]` and `[*]`; the empty text is the root.
    public init(parsing text: String) throws(YAMLPathError) {
        var reader = PathReader(text: text)
        self.init(try reader.readPath())
    }
}
