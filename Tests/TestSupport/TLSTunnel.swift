import Foundation

/// HTTPS in front of a loopback server: stunnel on 127.0.0.1 with a certificate for `localhost`
/// issued by a ``TestCertificateAuthority``.
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
        let authority = try TestCertificateAuthority.make(in: directory)

        let port = try DaemonProcess.freePort()
        let logPath = "\(directory)/stunnel.log"
        let configuration = """
            foreground = yes
            pid =
            output = \(logPath)
            [git]
            accept = 127.0.0.1:\(port)
            connect = 127.0.0.1:\(backendPort)
            cert = \(authority.certificateFile)
            key = \(authority.keyFile)

            """
        let configPath = "\(directory)/stunnel.conf"
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        let daemon = try DaemonProcess(stunnel, [configPath])
        try daemon.waitUntilListening(on: port, log: logPath)
        return TLSTunnel(port: port, certificateAuthorityFile: authority.caFile, daemon: daemon)
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
