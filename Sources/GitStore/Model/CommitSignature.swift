/// The signature stored in a commit's `gpgsig` header and the bytes it signs.
public struct CommitSignature: Hashable, Sendable {
    /// The armored signature (`-----BEGIN SSH SIGNATURE-----` …), as stored.
    public var armor: String
    /// The commit object without its `gpgsig` header: what the signer signed.
    public var signedData: [UInt8]

    /// Makes a signature record.
    public init(armor: String, signedData: [UInt8]) {
        self.armor = armor
        self.signedData = signedData
    }
}
