/// Signs the bytes of a commit object and returns the armored signature to store in its
/// `gpgsig` header (for SSH: `-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`).
///
/// GitStore does not sign by itself; the caller wires in a signer, e.g. Steward's SSHSIG signer
/// with namespace `git`. A thrown error aborts the commit before anything is written.
public typealias CommitSigner = (_ payload: [UInt8]) throws -> String
