/// The version `steward --version` prints.
public enum StewardVersion {
    public static let current = "0.1.0"
}
