internal import COpenSSL
import Foundation

/// The `openssh-key-v1` private key format (OpenSSH `PROTOCOL.key`), unencrypted keys only.
enum OpenSSHKeyFile {
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1".utf8) + [0]

    struct Parsed {
        let publicKey: SSHPublicKey
        let key: EVPKey
        let privateFields: [UInt8]
    }

    static func parse(_ contents: [UInt8], path: String) throws -> Parsed {
        let text = String(decoding: contents, as: UTF8.self)
        guard let start = text.range(of: begin), let stop = text.range(of: end),
            start.upperBound <= stop.lowerBound
        else {
            if text.contains("-----BEGIN ") {
                throw SigningError.malformedKey(
                    path: path,
                    reason: "not in OpenSSH format (PEM/PKCS#8 keys are not read); "
                        + "convert a copy with `ssh-keygen -p -f FILE`, which rewrites it as OpenSSH")
            }
            throw SigningError.malformedKey(path: path, reason: "no \(begin) block")
        }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let decoded = Data(base64Encoded: String(body)) else {
            throw SigningError.malformedKey(path: path, reason: "the key block is not valid base64")
        }
        do {
            return try parse(binary: [UInt8](decoded), path: path)
        } catch let truncated as SSHReader.Truncated {
            throw SigningError.malformedKey(path: path, reason: "truncated at \(truncated.what)")
        }
    }

    private static func parse(binary: [UInt8], path: String) throws -> Parsed {
        var reader = SSHReader(binary)
        guard try reader.raw(magic.count, "magic") == magic else {
            throw SigningError.malformedKey(path: path, reason: "missing the openssh-key-v1 magic")
        }
        let cipher = try reader.text("cipher name")
        let kdf = try reader.text("kdf name")
        _ = try reader.string("kdf options")
        if cipher != "none" || kdf != "none" { throw SigningError.encryptedKey(path: path, cipher: cipher) }
        guard try reader.uint32("key count") == 1 else {
            throw SigningError.malformedKey(path: path, reason: "the file must hold exactly one key")
        }
        let publicBlob = try reader.string("public key")
        var section = SSHReader(try reader.string("private section"))
        guard try section.uint32("check integer") == (try section.uint32("check integer")) else {
            throw SigningError.malformedKey(path: path, reason: "check integers differ (corrupt file)")
        }
        let type = try section.text("key type")
        guard SSHPublicKey.supported.contains(type) else {
            throw SigningError.unsupportedKeyType(path: path, type: type)
        }
        let fieldsStart = section.offset
        let key = try privateKey(type: type, reader: &section, path: path)
        let fieldsEnd = section.offset
        let comment = try section.text("comment")
        let padding = section.remaining
        guard padding.enumerated().allSatisfy({ $0.element == UInt8(truncatingIfNeeded: $0.offset + 1) })
        else {
            throw SigningError.malformedKey(path: path, reason: "bad padding (corrupt file)")
        }
        let fields = section.slice(fieldsStart..<fieldsEnd)
        let publicKey: SSHPublicKey
        do {
            publicKey = try SSHPublicKey(blob: publicBlob, comment: comment)
        } catch {
            throw SigningError.malformedKey(path: path, reason: "malformed public key")
        }
        guard publicKey.algorithm == type else {
            throw SigningError.malformedKey(
                path: path, reason: "public key type differs from private key type")
        }
        return Parsed(publicKey: publicKey, key: key, privateFields: fields)
    }

    private static func privateKey(type: String, reader: inout SSHReader, path: String) throws -> EVPKey {
        switch type {
        case "ssh-ed25519":
            let publicBytes = try reader.string("Ed25519 public key")
            let secret = try reader.string("Ed25519 private key")
            guard publicBytes.count == 32, secret.count == 64, Array(secret[32...]) == publicBytes else {
                throw SigningError.malformedKey(path: path, reason: "malformed Ed25519 key")
            }
            return try EVPKey.ed25519(seed: Array(secret[..<32]))
        case "ecdsa-sha2-nistp256":
            guard try reader.text("curve") == "nistp256" else {
                throw SigningError.unsupportedKeyType(
                    path: path, type: "ECDSA on a curve other than nistp256")
            }
            let point = try reader.string("EC point")
            return try EVPKey.p256(point: point, scalar: try reader.mpint("EC scalar"))
        default:
            let n = try reader.mpint("RSA n")
            let e = try reader.mpint("RSA e")
            let d = try reader.mpint("RSA d")
            let iqmp = try reader.mpint("RSA iqmp")
            let p = try reader.mpint("RSA p")
            let q = try reader.mpint("RSA q")
            return try EVPKey.rsa(n: n, e: e, privateNumbers: (d, p, q, iqmp))
        }
    }

    static func serialize(_ key: SSHPrivateKey) throws -> String {
        var check: UInt32 = 0
        try withUnsafeMutableBytes(of: &check) {
            try OpenSSL.check("RAND_bytes", RAND_bytes($0.baseAddress, 4))
        }
        var section = SSHWriter()
        section.uint32(check)
        section.uint32(check)
        section.string(key.publicKey.algorithm)
        section.raw(key.privateFields)
        section.string(key.publicKey.comment)
        var pad: UInt8 = 1
        while section.bytes.count % 8 != 0 {
            section.raw([pad])
            pad += 1
        }
        var file = SSHWriter()
        file.raw(magic)
        file.string("none")
        file.string("none")
        file.string([UInt8]())
        file.uint32(1)
        file.string(key.publicKey.blob)
        file.string(section.bytes)
        let encoded = Data(file.bytes).base64EncodedString()
        return "\(begin)\n\(wrap(encoded, width: 70))\n\(end)\n"
    }

    static func wrap(_ text: String, width: Int) -> String {
        var lines: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(rest.prefix(width))
            rest = rest.dropFirst(width)
        }
        return lines.joined(separator: "\n")
    }
}
