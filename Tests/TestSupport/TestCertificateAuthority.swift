import Foundation

/// A throwaway certificate authority and a server certificate for `localhost` and 127.0.0.1, made
/// with the `openssl` command, for TLS tests (a ``PrometheusServer`` with a `tls_server_config`, a
/// ``TLSTunnel`` in front of the Git server).
public struct TestCertificateAuthority: Sendable {
    /// PEM files: the CA's certificate, and the server's certificate and key.
    public let caFile: String
    public let certificateFile: String
    public let keyFile: String
    public let directory: String

    /// Creates the files in `directory`, or in a new temporary directory to delete with
    /// ``remove()``.
    public static func make(in directory: String? = nil) throws -> TestCertificateAuthority {
        let openssl = ExternalTool.openssl
        let directory =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "steward-ca-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let extensions = """
            subjectAltName=DNS:localhost,IP:127.0.0.1
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth

            """
        try Data(extensions.utf8).write(to: URL(fileURLWithPath: "\(directory)/server.ext"))
        try openssl.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Steward Test CA",
            ], in: directory)
        try openssl.run(
            [
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost",
            ], in: directory)
        try openssl.run(
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ], in: directory)
        return TestCertificateAuthority(
            caFile: "\(directory)/ca.pem", certificateFile: "\(directory)/server.pem",
            keyFile: "\(directory)/server.key", directory: directory)
    }

    /// A Prometheus `--web.config.file` serving TLS with the server certificate.
    public var prometheusWebConfig: String {
        "tls_server_config:\n  cert_file: \(certificateFile)\n  key_file: \(keyFile)\n"
    }

    /// Deletes the directory and every file in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
