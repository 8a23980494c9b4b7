extension StewardError {
    /// Transitional: the configuration readers still build errors from text.
    package init(_ message: String) {
        self = .invalidInput(message)
    }
}
