import Foundation

/// HTTPS in front of a loopback server: stunnel on 127.0.0.1 with a certificate for `localhost`
/// issued by a throwaway certificate authority made with the `openssl` CLI.
///
/// ```swift
/// let git = try GitHTTPServer.start(root: remotes, user: "bot", password: token)
/// let tls = try TLSTunnel.start(in: fixture.path("tls"), forwardingTo: git.port)
/// defer { tls.stop(); git.stop() }
/// // https://localhost:<port>/app.git, trusted only with tls.certificateAuthorityFile
/// ```
///
/// Needs Debian's `stunnel4` and `openssl`.
public final class TLSTunnel: Sendable {
    /// The HTTPS port on 127.0.0.1.
    public let port: Int
    /// The PEM certificate of the authority that issued the server's certificate.
    public let certificateAuthorityFile: String
    private let daemon: DaemonProcess

    private init(port: Int, certificateAuthorityFile: String, daemon: DaemonProcess) {
        self.port = port
        self.certificateAuthorityFile = certificateAuthorityFile
        self.daemon = daemon
    }

    /// Makes the certificates in `directory` and starts stunnel forwarding to
    /// 127.0.0.1:`backendPort`.
    public static func start(in directory: String, forwardingTo backendPort: Int) throws -> TLSTunnel {
        let stunnel = try ExternalTool.stunnel.path()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let openssl = ExternalTool.openssl
        try openssl.run(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2",
                "-subj", "/CN=Steward Test CA",
            ], in: directory)
        try openssl.run(
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost",
            ],
            in: directory)
        let extensions = """
            subjectAltName=DNS:localhost
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth

            """
        try Data(extensions.utf8).write(to: URL(fileURLWithPath: "\(directory)/server.ext"))
        try openssl.run(
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ], in: directory)

        let port = try DaemonProcess.freePort()
        let logPath = "\(directory)/stunnel.log"
        let configuration = """
            foreground = yes
            pid =
            output = \(logPath)
            [git]
            accept = 127.0.0.1:\(port)
            connect = 127.0.0.1:\(backendPort)
            cert = \(directory)/server.pem
            key = \(directory)/server.key

            """
        let configPath = "\(directory)/stunnel.conf"
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        let daemon = try DaemonProcess(stunnel, [configPath])
        try daemon.waitUntilListening(on: port, log: logPath)
        return TLSTunnel(port: port, certificateAuthorityFile: "\(directory)/ca.pem", daemon: daemon)
    }

    /// `https://localhost:<port>/<repository>`.
    public func url(for repository: String) -> String {
        "https://localhost:\(port)/\(repository)"
    }

    /// Stops stunnel.
    public func stop() {
        daemon.stop()
    }
}
