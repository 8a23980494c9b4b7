import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 Git server: every request is handed to the real `git http-backend` (CGI)
/// for the bare repositories under `root`, behind optional HTTP Basic authentication.
///
/// Pushes are served too (`REMOTE_USER` is set for authenticated requests), so server-side
/// rules such as `receive.denyNonFastForwards` and hooks apply as on a real forge — unlike
/// libgit2's `file://` transport. Gzip request bodies pass through untouched with
/// `HTTP_CONTENT_ENCODING` set, which http-backend inflates itself.
///
/// ```swift
/// let server = try GitHTTPServer.start(root: fixture.path("remotes"), user: "bot", password: "s3cret")
/// defer { server.stop() }
/// let url = server.url(for: "app.git")   // http://127.0.0.1:<port>/app.git
/// ```
public final class GitHTTPServer: Sendable {
    /// Counts of what the server saw, for assertions such as "a wrong token was tried at most
    /// twice".
    public struct Statistics: Sendable, Equatable {
        /// Requests received, all outcomes included.
        public var requests = 0
        /// 401 answers to requests without an `Authorization` header (the normal challenge).
        public var challenges = 0
        /// 401 answers to requests whose credentials were wrong.
        public var rejectedCredentials = 0
        /// Requests whose body came with `Content-Encoding: gzip`.
        public var gzipBodies = 0
        /// The request lines (`GET /app.git/info/refs?service=git-upload-pack`), in order.
        public var requestLines: [String] = []
    }

    /// The TCP port the server listens on (127.0.0.1).
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorder: GitHTTPRecorder

    private init(
        port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, recorder: GitHTTPRecorder
    ) {
        self.port = port
        self.group = group
        self.channel = channel
        self.recorder = recorder
    }

    /// Starts a server for the bare repositories under `root` on 127.0.0.1.
    ///
    /// - Parameters:
    ///   - root: the folder whose bare repositories are served (`<root>/app.git` is
    ///     `http://127.0.0.1:<port>/app.git`).
    ///   - user: the Basic-auth user; with `password`, every request must authenticate.
    ///     `nil` serves anonymously (pushes are then refused by http-backend).
    ///   - port: the port to bind; 0 picks a free one.
    /// - Throws: when `git` is missing (with the install command) or the port cannot be bound.
    public static func start(root: String, user: String? = nil, password: String? = nil, port: Int = 0) throws
        -> GitHTTPServer
    {
        let recorder = GitHTTPRecorder()
        let expected = user.flatMap { user in
            password.map { "Basic " + Data("\(user):\($0)".utf8).base64EncodedString() }
        }
        let configuration = GitCGIConfiguration(
            git: try ExternalTool.git.path(), root: root, user: user, expectedAuthorization: expected,
            recorder: recorder)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let channel = try ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 64)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(GitCGIHandler(configuration))
                    }
                }
                .bind(host: "127.0.0.1", port: port).wait()
            guard let bound = channel.localAddress?.port else {
                throw ExternalToolError.failed(
                    command: "bind 127.0.0.1:\(port)", status: -1, stderr: "no port")
            }
            return GitHTTPServer(port: bound, group: group, channel: channel, recorder: recorder)
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    /// `http://127.0.0.1:<port>/<repository>`.
    public func url(for repository: String) -> String {
        "http://127.0.0.1:\(port)/\(repository)"
    }

    /// What the server has seen so far.
    public var statistics: Statistics {
        recorder.snapshot()
    }

    /// Stops listening, lets running `git http-backend` calls answer (for at most ten
    /// seconds), closes connections and ends the server's thread.
    public func stop() {
        try? channel.close().wait()
        _ = recorder.inFlight.wait(timeout: .now() + 10)
        try? group.syncShutdownGracefully()
    }
}

/// The server's counters, shared by every connection's handler.
private final class GitHTTPRecorder: Sendable {
    private let statistics = Mutex(GitHTTPServer.Statistics())
    /// Requests whose http-backend is running; `stop()` waits for them.
    let inFlight = DispatchGroup()

    func snapshot() -> GitHTTPServer.Statistics {
        statistics.withLock { $0 }
    }

    func record(_ change: (inout GitHTTPServer.Statistics) -> Void) {
        statistics.withLock { change(&$0) }
    }
}

private struct GitCGIConfiguration: Sendable {
    let git: String
    let root: String
    let user: String?
    let expectedAuthorization: String?
    let recorder: GitHTTPRecorder
}

/// What `git http-backend` printed: CGI headers, then the body.
private struct CGIResponse: Sendable {
    var status: HTTPResponseStatus = .ok
    var headers: [(String, String)] = []
    var body: [UInt8] = []
}

/// Answers one connection's requests by running `git http-backend`.
private final class GitCGIHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let configuration: GitCGIConfiguration
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(_ configuration: GitCGIConfiguration) {
        self.configuration = configuration
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            handle(context: context, head: head, body: body)
        }
    }

    private func handle(context: ChannelHandlerContext, head: HTTPRequestHead, body: [UInt8]) {
        let authorization = head.headers.first(name: "Authorization")
        configuration.recorder.record {
            $0.requests += 1
            $0.requestLines.append("\(head.method.rawValue) \(head.uri)")
            if head.headers.first(name: "Content-Encoding")?.lowercased().contains("gzip") == true {
                $0.gzipBodies += 1
            }
        }
        if let expected = configuration.expectedAuthorization, authorization != expected {
            configuration.recorder.record {
                if authorization == nil { $0.challenges += 1 } else { $0.rejectedCredentials += 1 }
            }
            let response = CGIResponse(
                status: .unauthorized, headers: [("WWW-Authenticate", "Basic realm=\"steward-test\"")],
                body: [])
            // Measured: libgit2 1.5.1 answers a 401 that carries a body (arriving in the same read)
            // with "http parser error: invalid constant string", even with `Connection: close`;
            // an empty 401 is what it handles.
            write(response, keepAlive: head.isKeepAlive, context: context)
            return
        }
        let configuration = self.configuration
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        // http-backend blocks; it runs off the event loop and the answer is written back on it.
        // A thread of its own, not the global dispatch queue, whose few workers may all be busy
        // waiting on tools the other tests run: a fetch would then wait for ever.
        configuration.recorder.inFlight.enter()
        Thread {
            let response = Self.runBackend(configuration, head: head, body: body)
            loopBound.eventLoop.execute {
                let (handler, context) = loopBound.value
                handler.write(response, keepAlive: head.isKeepAlive, context: context)
                configuration.recorder.inFlight.leave()
            }
        }.start()
    }

    private func write(_ response: CGIResponse, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(
            wrapOutboundOut(
                .head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    private static func runBackend(_ configuration: GitCGIConfiguration, head: HTTPRequestHead, body: [UInt8])
        -> CGIResponse
    {
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var environment = [
            "GIT_PROJECT_ROOT": configuration.root, "GIT_HTTP_EXPORT_ALL": "1",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "REQUEST_METHOD": head.method.rawValue,
            "PATH_INFO": String(parts[0]).removingPercentEncoding ?? String(parts[0]),
            "QUERY_STRING": parts.count > 1 ? String(parts[1]) : "", "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_LENGTH": String(body.count), "SERVER_PROTOCOL": "HTTP/1.1",
        ]
        if let contentType = head.headers.first(name: "Content-Type") {
            environment["CONTENT_TYPE"] = contentType
        }
        if let encoding = head.headers.first(name: "Content-Encoding") {
            environment["HTTP_CONTENT_ENCODING"] = encoding
        }
        if let gitProtocol = head.headers.first(name: "Git-Protocol") {
            environment["GIT_PROTOCOL"] = gitProtocol
        }
        if configuration.expectedAuthorization != nil, let user = configuration.user {
            environment["REMOTE_USER"] = user
        }
        let tool = ExternalTool(name: configuration.git, install: ExternalTool.git.install)
        guard let output = try? tool.result(["http-backend"], environment: environment, input: body),
            output.status == 0
        else {
            return CGIResponse(status: .internalServerError, body: Array("git http-backend failed\n".utf8))
        }
        return parseCGI(output.stdout)
    }

    private static func parseCGI(_ output: [UInt8]) -> CGIResponse {
        var response = CGIResponse()
        var index = 0
        while index < output.count {
            guard let end = output[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            var line = String(decoding: output[index..<end], as: UTF8.self)
            index = end + 1
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "status", let code = Int(value.prefix(3)) {
                response.status = HTTPResponseStatus(statusCode: code)
            } else {
                response.headers.append((name, value))
            }
        }
        response.body = Array(output[index...])
        return response
    }
}
