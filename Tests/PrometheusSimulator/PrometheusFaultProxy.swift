import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A loopback HTTP proxy in front of a real ``PrometheusServer`` that injects the faults a
/// client must survive: errors, slowness, partial responses, authentication. Requests that are
/// not faulted are forwarded, so answers still come from real PromQL.
///
/// ```swift
/// let proxy = try await PrometheusFaultProxy.start(upstream: server.url, faults: [.status(500, times: 1)])
/// defer { proxy.stop() }
/// ```
public final class PrometheusFaultProxy: @unchecked Sendable {
    /// A fault, applied to every request unless it says otherwise.
    public enum Fault: Sendable {
        /// Answer the first `times` requests with `status` and `body` (a JSON error body when it
        /// starts with `{`), then forward.
        case status(Int, body: String = "", times: Int = Int.max, headers: [String: String] = [:])
        /// Wait before forwarding.
        case delay(Duration)
        /// Add `warnings` to every successful JSON answer, as Thanos does for a partial response.
        case warnings([String])
        /// Answer 401 unless `Authorization` is exactly `value`; with `echo`, the 401 body repeats
        /// the header received, as a careless proxy might.
        case requireAuthorization(String, echo: Bool = false)
        /// Apply `fault` only to requests whose `query` form field contains `substring`, to fail
        /// one query of a collection and let the others through; the `times` of a status fault
        /// then counts those requests only.
        indirect case whereQuery(containing: String, Fault)
    }

    public let url: String
    private let channel: any Channel
    private let state: ProxyState

    private init(url: String, channel: any Channel, state: ProxyState) {
        self.url = url
        self.channel = channel
        self.state = state
    }

    /// Starts a proxy on 127.0.0.1 and a free port.
    public static func start(upstream: String, faults: [Fault]) async throws -> PrometheusFaultProxy {
        let state = ProxyState(upstream: upstream, faults: faults)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(ProxyHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        return PrometheusFaultProxy(url: "http://127.0.0.1:\(port)", channel: channel, state: state)
    }

    /// Requests received so far, faulted or not.
    public var requestCount: Int { state.requestCount }

    /// The `Authorization` headers received, in order.
    public var authorizations: [String?] { state.authorizations }

    public func stop() {
        try? channel.close().wait()
    }

    deinit {
        stop()
    }
}

/// The proxy's counters and faults, shared by its connections.
private final class ProxyState: @unchecked Sendable {
    let upstream: String
    let faults: [PrometheusFaultProxy.Fault]
    private let lock = NSLock()
    private var count = 0
    private var seenAuthorizations: [String?] = []
    private var scopedCounts: [Int: Int] = [:]

    init(upstream: String, faults: [PrometheusFaultProxy.Fault]) {
        self.upstream = upstream
        self.faults = faults
    }

    var requestCount: Int { lock.withLock { count } }
    var authorizations: [String?] { lock.withLock { seenAuthorizations } }

    /// Counts a request and returns its 1-based number.
    func arrive(authorization: String?) -> Int {
        lock.withLock {
            count += 1
            seenAuthorizations.append(authorization)
            return count
        }
    }

    /// Counts a request that fault number `index` is scoped to and returns its 1-based number.
    private func arriveScoped(fault index: Int) -> Int {
        lock.withLock {
            scopedCounts[index, default: 0] += 1
            return scopedCounts[index]!
        }
    }

    /// The answer to request number `number`: status, headers, body.
    func answer(number: Int, head: HTTPRequestHead, body: Data) async -> (Int, [String: String], Data) {
        let authorization = head.headers.first(name: "Authorization")
        let query = Self.query(uri: head.uri, body: body)
        // Each fault with the request number it counts with; scoped faults that do not match drop out.
        var applicable: [(PrometheusFaultProxy.Fault, Int)] = []
        for (index, fault) in faults.enumerated() {
            if case .whereQuery(let substring, let inner) = fault {
                if query?.contains(substring) == true {
                    applicable.append((inner, arriveScoped(fault: index)))
                }
            } else {
                applicable.append((fault, number))
            }
        }
        for (fault, number) in applicable {
            switch fault {
            case .requireAuthorization(let expected, let echo) where authorization != expected:
                let text =
                    echo ? "unauthorized: got Authorization: \(authorization ?? "none")" : "unauthorized"
                return (401, ["Content-Type": "text/plain"], Data(text.utf8))
            case .status(let status, let body, let times, let headers) where number <= times:
                let type = body.hasPrefix("{") ? "application/json" : "text/plain"
                return (status, headers.merging(["Content-Type": type]) { a, _ in a }, Data(body.utf8))
            case .delay(let duration):
                try? await Task.sleep(for: duration)
            default:
                break
            }
        }
        var (status, data) = await forward(head: head, body: body)
        for case (.warnings(let warnings), _) in applicable where status == 200 {
            if var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
                object["warnings"] = warnings
                data = (try? JSONSerialization.data(withJSONObject: object)) ?? data
            }
        }
        return (status, ["Content-Type": "application/json"], data)
    }

    /// The `query` field of a form-encoded body (Steward POSTs), else of the URI's query string.
    private static func query(uri: String, body: Data) -> String? {
        let fields =
            String(decoding: body, as: UTF8.self) + "&" + (uri.split(separator: "?").dropFirst().first ?? "")
        for field in fields.split(separator: "&") {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "query" else { continue }
            return String(pair[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    private func forward(head: HTTPRequestHead, body: Data) async -> (Int, Data) {
        var request = URLRequest(url: URL(string: upstream + head.uri)!)
        request.httpMethod = head.method.rawValue
        request.httpBody = body.isEmpty ? nil : body
        if let type = head.headers.first(name: "Content-Type") {
            request.setValue(type, forHTTPHeaderField: "Content-Type")
        }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 502, data)
        } catch {
            return (502, Data("proxy: \(error)".utf8))
        }
    }
}

/// Collects one request, asks ``ProxyState`` for the answer, writes it.
private final class ProxyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ProxyState
    private var head: HTTPRequestHead?
    private var body = Data()

    init(state: ProxyState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            let body = self.body
            let state = self.state
            let channel = context.channel
            let number = state.arrive(authorization: head.headers.first(name: "Authorization"))
            Task {
                let (status, headers, data) = await state.answer(number: number, head: head, body: body)
                var responseHeaders = HTTPHeaders(headers.map { ($0.key, $0.value) })
                responseHeaders.add(name: "Content-Length", value: String(data.count))
                let responseHead = HTTPResponseHead(
                    version: head.version, status: HTTPResponseStatus(statusCode: status),
                    headers: responseHeaders)
                channel.write(HTTPServerResponsePart.head(responseHead), promise: nil)
                channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: data))), promise: nil)
                channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
            }
        }
    }
}
