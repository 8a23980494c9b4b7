import Foundation

/// A real OpenSSH server (`sshd`) on 127.0.0.1, with its own host key and `authorized_keys` in a
/// scratch folder, for testing Git over `ssh://` end to end. The current user logs in with the
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
    /// The port sshd listens on.
    public let port: Int
    /// The user that logs in (the one running the tests).
    public let user: String
    /// The host key's `SHA256:` fingerprint, for pinning.
    public let hostKeyFingerprint: String
    /// A known_hosts line for this server (`[127.0.0.1]:<port> ssh-ed25519 AAAA…`).
    public let knownHostsLine: String
    private let pid: pid_t

    private init(port: Int, user: String, hostKeyFingerprint: String, knownHostsLine: String, pid: pid_t) {
        self.port = port
        self.user = user
        self.hostKeyFingerprint = hostKeyFingerprint
        self.knownHostsLine = knownHostsLine
        self.pid = pid
    }

    /// Starts sshd with a fresh Ed25519 host key in `directory` (created if needed).
    /// - Parameter authorizedKeys: public key lines allowed to log in.
    public static func start(in directory: String, authorizedKeys: [String]) throws -> SSHServer {
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

        let port = try freePort()
        let configuration = """
            Port \(port)
            ListenAddress 127.0.0.1
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

        // Not Foundation's Process: it detects a child's exit by a descriptor the child keeps
        // open, sshd closes every descriptor when it starts, and Foundation then blocks in
        // waitpid on a daemon that never exits, stalling every other Process in the test run.
        let logPath = "\(directory)/sshd.log"
        let arguments = [sshd, "-D", "-E", logPath, "-f", configPath]
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, sshd, nil, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw ExternalToolError.failed(
                command: arguments.joined(separator: " "), status: spawned, stderr: "posix_spawn failed")
        }
        let user = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let server = SSHServer(
            port: port, user: user, hostKeyFingerprint: fingerprint,
            knownHostsLine: "[127.0.0.1]:\(port) \(hostPublic)", pid: pid)
        // Wait (bounded) until sshd accepts connections.
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw ExternalToolError.failed(
                    command: arguments.joined(separator: " "), status: status, stderr: log)
            }
            if canConnect(port) { return server }
            usleep(50_000)
        }
        server.stop()
        throw ExternalToolError.failed(
            command: "\(sshd) -f \(configPath)", status: -1, stderr: "not listening after 5 s")
    }

    /// `ssh://<user>@127.0.0.1:<port><absolute path>`.
    public func url(forRepository path: String) -> String {
        "ssh://\(user)@127.0.0.1:\(port)\(path)"
    }

    /// Stops sshd (and waits for it, so no zombie is left); calling it again does nothing.
    public func stop() {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGTERM)
            waitpid(pid, &status, 0)
        }
    }

    /// A port the kernel reports free right now (sshd cannot bind port 0 and tell us).
    private static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else {
            throw ExternalToolError.failed(command: "bind 127.0.0.1:0", status: errno, stderr: "")
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(_ port: Int) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
