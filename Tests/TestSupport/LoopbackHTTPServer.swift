import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on an ephemeral loopback port that hands each whole request to a closure
/// and writes back what it returns: the transport of the loopback fakes (the forge, Argo CD),
/// which keep their API's state and answers to themselves.
public final class LoopbackHTTPServer: Sendable {
    /// One request, read to its end.
    public struct Request: Sendable {
        public let method: String
        /// The path with its query, as sent.
        public let uri: String
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        /// The first value of header `name`, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The path without the query, still percent-encoded.
        public var path: String { String(uri.prefix { $0 != "?" }) }

        /// The query parameters, decoded (`+` as a space), in the order sent.
        public var query: [(name: String, value: String)] {
            guard let mark = uri.firstIndex(of: "?") else { return [] }
            return uri[uri.index(after: mark)...].split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) -> String {
                    String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
                        ?? String(text)
                }
                return (name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
            }
        }
    }

    /// What the server writes back; `Content-Length` is added.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// `http://127.0.0.1:PORT`.
    public let origin: String
    /// The port on 127.0.0.1.
    public let port: Int
    private let channel: any Channel

    private init(port: Int, channel: any Channel) {
        self.origin = "http://127.0.0.1:\(port)"
        self.port = port
        self.channel = channel
    }

    /// Starts listening; `respond` answers every request, on an event loop thread.
    public static func start(_ respond: @escaping @Sendable (Request) -> Response) async throws
        -> LoopbackHTTPServer
    {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(LoopbackHTTPHandler(respond: respond))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw LoopbackHTTPError()
        }
        return LoopbackHTTPServer(port: port, channel: channel)
    }

    /// Stops listening.
    public func stop() async throws {
        try await channel.close()
    }
}

/// The server got no local port.
struct LoopbackHTTPError: Error, CustomStringConvertible {
    var description: String { "the loopback HTTP server has no local port" }
}

/// Reads one request at a time from a connection and writes the closure's answer.
private final class LoopbackHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(respond: @escaping @Sendable (LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response) {
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll()
        case .body(let buffer):
            body += Array(buffer: buffer)
        case .end:
            guard let head else { return }
            self.head = nil
            let response = respond(
                LoopbackHTTPServer.Request(
                    method: head.method.rawValue, uri: head.uri,
                    headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body))
            var headers = HTTPHeaders(response.headers)
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            if !head.isKeepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
            let responseHead = HTTPResponseHead(
                version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                headers: headers)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            let keepAlive = head.isKeepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [context] _ in
                if !keepAlive { context.close(promise: nil) }
            }
        }
    }
}
