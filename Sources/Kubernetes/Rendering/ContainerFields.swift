/// The resource fields of a container while a target renders, kept in the form its public
/// ``ContainerSpec`` holds them: a value is parsed as a quantity where it is read, once, so a
/// base shared by many overlays hands the same tables to every target that does not patch it.
struct ContainerFields: Sendable {
    private(set) var resources = ResourceRequirements()
    private(set) var invalid: [ResourceField: InvalidQuantity] = [:]
    private(set) var locations: [ResourceField: FieldLocation] = [:]

    /// Sets a field to the value read at its location.
    mutating func set(_ field: ResourceField, to value: RenderedValue) {
        // A container sets at most the four fields: room for them at once, not by doubling.
        if locations.isEmpty { locations.reserveCapacity(ResourceField.allCases.count) }
        locations[field] = value.location
        if let quantity = Quantity(value.text) {
            if resources.values.isEmpty { resources.values.reserveCapacity(ResourceField.allCases.count) }
            resources[field] = quantity
            // Removing from an empty table still hashes the key: most containers have none.
            if !invalid.isEmpty { invalid[field] = nil }
        } else {
            resources[field] = nil
            invalid[field] = InvalidQuantity(
                text: value.text, file: value.location.location.file, line: value.location.line,
                column: value.location.column)
        }
    }

    /// Removes a field (a patch deleted it or set it to null).
    mutating func remove(_ field: ResourceField) {
        resources[field] = nil
        invalid[field] = nil
        locations[field] = nil
    }
}
