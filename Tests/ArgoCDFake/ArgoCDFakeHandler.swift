import Foundation
import NIOCore
import NIOHTTP1

/// Reads one request at a time from a connection and writes the state's answer as JSON.
final class ArgoCDFakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let box: ArgoCDFakeStateBox
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(box: ArgoCDFakeStateBox) {
        self.box = box
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
            let response = box.state.withLock {
                $0.handle(
                    method: head.method.rawValue, target: head.uri,
                    authorization: head.headers.first(name: "Authorization"), body: body)
            }
            let bytes =
                (try? JSONSerialization.data(withJSONObject: response.json, options: [.sortedKeys]))
                ?? Data("{}".utf8)
            var headers = HTTPHeaders([
                ("Content-Type", "application/json"), ("Content-Length", "\(bytes.count)"),
            ])
            if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
            let keepAlive = head.isKeepAlive
            context.write(
                wrapOutboundOut(
                    .head(
                        HTTPResponseHead(
                            version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                            headers: headers))),
                promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { [context] _ in
                if !keepAlive { context.close(promise: nil) }
            }
        }
    }
}
