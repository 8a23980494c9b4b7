/// The version `steward --version` prints.
package enum StewardVersion {
    package static let current = "0.1.0"
}
