import Foundation

/// A real OpenSSH server (`sshd`) on a loopback address (127.0.0.1 unless told otherwise), with
/// its own host key and `authorized_keys` in a scratch folder, for testing Git over `ssh://` and
/// scp-style URLs end to end. The current user logs in with the
/// given public keys; `git-upload-pack` / `git-receive-pack` run as that user.
///
/// ```swift
/// let server = try SSHServer.start(in: fixture.path("sshd"), authorizedKeys: [clientKey.publicKeyLine])
/// defer { server.stop() }
/// let url = server.url(forRepository: bare)  // ssh://<user>@127.0.0.1:<port>/abs/path/app.git
/// ```
///
/// Needs Debian's `openssh-server` (the test fails with the install command when it is missing).
public final class SSHServer: Sendable {
    /// The loopback address sshd listens on.
    public let address: String
    /// The port sshd listens on.
    public let port: Int
    /// The user that logs in (the one running the tests).
    public let user: String
    /// The host key's `SHA256:` fingerprint, for pinning.
    public let hostKeyFingerprint: String
    /// A known_hosts line for this server (`[127.0.0.1]:<port> ssh-ed25519 AAAA…`).
    public let knownHostsLine: String
    private let daemon: DaemonProcess

    private init(
        address: String, port: Int, user: String, hostKeyFingerprint: String, knownHostsLine: String,
        daemon: DaemonProcess
    ) {
        self.address = address
        self.port = port
        self.user = user
        self.hostKeyFingerprint = hostKeyFingerprint
        self.knownHostsLine = knownHostsLine
        self.daemon = daemon
    }

    /// Starts sshd with a fresh Ed25519 host key in `directory` (created if needed).
    /// - Parameters:
    ///   - authorizedKeys: public key lines allowed to log in.
    ///   - address: the loopback address to listen on; another `127.x.y.z` lets a test own port 22
    ///     there, which scp-style URLs (`user@host:path`, no port) need.
    ///   - port: the port; `nil` picks a free one.
    public static func start(
        in directory: String, authorizedKeys: [String], address: String = "127.0.0.1", port: Int? = nil
    ) throws -> SSHServer {
        let sshd = try ExternalTool.sshd.path()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // sshd's privilege-separation folder; the package creates it only when its service runs.
        if getuid() == 0 {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        let hostKey = "\(directory)/ssh_host_ed25519_key"
        try? FileManager.default.removeItem(atPath: hostKey)
        try? FileManager.default.removeItem(atPath: hostKey + ".pub")
        try ExternalTool.sshKeygen.run([
            "-q", "-t", "ed25519", "-N", "", "-C", "steward-test-host", "-f", hostKey,
        ])
        let hostPublic = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        let fingerprint = String(
            try ExternalTool.sshKeygen.run(["-l", "-f", hostKey + ".pub"]).split(separator: " ")[1])
        let authorized = "\(directory)/authorized_keys"
        try Data((authorizedKeys.joined(separator: "\n") + "\n").utf8).write(
            to: URL(fileURLWithPath: authorized))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: authorized)

        let port = try port ?? DaemonProcess.freePort()
        let configuration = """
            Port \(port)
            ListenAddress \(address)
            HostKey \(hostKey)
            AuthorizedKeysFile \(authorized)
            PidFile \(directory)/sshd.pid
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            LogLevel VERBOSE

            """
        let configPath = "\(directory)/sshd_config"
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))

        let logPath = "\(directory)/sshd.log"
        let daemon = try DaemonProcess(sshd, ["-D", "-E", logPath, "-f", configPath])
        let user = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let server = SSHServer(
            address: address, port: port, user: user, hostKeyFingerprint: fingerprint,
            knownHostsLine: "\(port == 22 ? address : "[\(address)]:\(port)") \(hostPublic)", daemon: daemon)
        try daemon.waitUntilListening(on: port, host: address, log: logPath)
        return server
    }

    /// `ssh://<user>@<address>:<port><absolute path>`.
    public func url(forRepository path: String) -> String {
        "ssh://\(user)@\(address):\(port)\(path)"
    }

    /// The scp-style `<user>@<address>:<absolute path>`, which has no port: it reaches this
    /// server only when it listens on port 22.
    public func scpURL(forRepository path: String) -> String {
        "\(user)@\(address):\(path)"
    }

    /// Stops sshd.
    public func stop() {
        daemon.stop()
    }
}
