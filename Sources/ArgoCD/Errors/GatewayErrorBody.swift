import Foundation

/// The body the gRPC gateway answers a failed call with: `{"error": …, "code": 7, "message": …}`,
/// `code` being the gRPC status code.
struct GatewayErrorBody: Decodable {
    var code: Int?
    var message: String?
    var error: String?

    /// Nil when the body is not such an object (a proxy's HTML page, an empty body).
    init?(_ bytes: [UInt8]) {
        guard let body = try? JSONDecoder().decode(Self.self, from: Data(bytes)) else { return nil }
        self = body
        if message?.isEmpty ?? true { message = error }
    }
}
