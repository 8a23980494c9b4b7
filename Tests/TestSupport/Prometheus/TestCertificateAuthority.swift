import Foundation

/// A throwaway CA and a server certificate for 127.0.0.1, made with the `openssl` command, for
/// TLS tests (e.g. a ``PrometheusServer`` with a `tls_server_config`).
public struct TestCertificateAuthority: Sendable {
    /// PEM files: the CA's certificate, and the server's certificate and key.
    public let caFile: String
    public let certificateFile: String
    public let keyFile: String
    public let directory: String

    /// Creates the files in a new temporary directory; delete it with ``remove()``.
    public static func make() throws -> TestCertificateAuthority {
        let openssl: String
        do {
            openssl = try ExternalTool.locate("openssl")
        } catch {
            throw PrometheusSupportError(
                "openssl not found: install it: apt-get install --no-install-recommends openssl")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "steward-ca-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let extensions = "\(directory)/san.cnf"
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: extensions, atomically: true, encoding: .utf8)
        try ExternalTool.run(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "\(directory)/ca.key", "-out", "\(directory)/ca.pem", "-days", "2", "-subj",
                "/CN=steward test CA",
            ])
        try ExternalTool.run(
            openssl,
            [
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "\(directory)/server.key", "-out", "\(directory)/server.csr", "-subj",
                "/CN=127.0.0.1",
            ])
        try ExternalTool.run(
            openssl,
            [
                "x509", "-req", "-in", "\(directory)/server.csr", "-CA", "\(directory)/ca.pem", "-CAkey",
                "\(directory)/ca.key",
                "-CAcreateserial", "-out", "\(directory)/server.pem", "-days", "2", "-extfile", extensions,
            ])
        return TestCertificateAuthority(
            caFile: "\(directory)/ca.pem", certificateFile: "\(directory)/server.pem",
            keyFile: "\(directory)/server.key",
            directory: directory)
    }

    /// A Prometheus `--web.config.file` serving TLS with the server certificate.
    public var prometheusWebConfig: String {
        "tls_server_config:\n  cert_file: \(certificateFile)\n  key_file: \(keyFile)\n"
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
