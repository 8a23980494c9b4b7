import Foundation

/// What the forge server answers to one request.
struct ForgeServerResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer; keys are sorted so answers are byte-for-byte repeatable.
    init(status: Int, json: Any, headers: [(String, String)] = []) {
        let data =
            (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data("{}".utf8)
        self.init(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: Array(data))
    }

    /// A plain-text answer, as proxies and Rack::Attack send.
    init(status: Int, text: String, contentType: String = "text/plain", headers: [(String, String)] = []) {
        self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(text.utf8))
    }
}
