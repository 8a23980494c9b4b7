extension CaseIterable where Self: Equatable {
    /// The case's position in `allCases`, for enums that order their cases as they declare them.
    package var declarationIndex: AllCases.Index {
        // Every case is in `allCases`: the end index is never returned, it only spares callers an
        // optional.
        Self.allCases.firstIndex(of: self) ?? Self.allCases.endIndex
    }
}
