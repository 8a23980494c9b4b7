import ClientSupport
import Foundation

/// The scheme, host and port of the API base URL: pagination links must stay on it.
struct URLOrigin: Sendable, Equatable {
    let scheme: String
    let host: String
    let port: Int?

    /// Parses and checks an API base URL.
    /// - Throws: ``ForgeError/Code/invalidConfiguration`` when it is not an absolute http(s) URL,
    ///   carries credentials, a query or a fragment.
    init(_ url: String, forge: ForgeKind) throws(ForgeError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message: "the API URL \(Redactor.url(url)) is not an absolute http(s) URL")
        }
        guard components.user == nil, components.password == nil else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message:
                    "the API URL \(Redactor.url(url)) contains credentials; put the token in the token file")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ForgeError(
                code: .invalidConfiguration, forge: forge,
                message: "the API URL \(url) has a query or fragment; give the base URL only")
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = components.port
    }

    /// Whether `url` is on this origin.
    func contains(_ url: String) -> Bool {
        guard let components = URLComponents(string: url) else { return false }
        return components.scheme?.lowercased() == scheme && components.host?.lowercased() == host
            && components.port == port
    }
}
