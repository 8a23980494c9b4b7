import ArgoCD
import Foundation
import Profiles

/// The `argocd` section of `steward.yaml`: the API server whose Application histories date
/// deployments, and where rollbacks are made when the policy allows them.
package struct ArgoCDSettings: Sendable, Equatable {
    /// `https://argocd.example.com`.
    package var server: String
    /// A file holding the bearer token (a mounted Secret), relative to the configuration file.
    package var tokenFile: String
    /// A PEM file of the certificate authorities to trust.
    package var caFile: String?
    /// The namespace Argo CD runs in; Applications that name none are looked up there.
    package var namespace: String
    /// How long a rollback's operation may run before Steward stops waiting on it.
    package var operationTimeout: PrometheusDuration
    /// How often the operation's state is read while it runs.
    package var pollInterval: PrometheusDuration

    package init(
        server: String, tokenFile: String, caFile: String? = nil, namespace: String = "argocd",
        operationTimeout: PrometheusDuration = .seconds(300), pollInterval: PrometheusDuration = .seconds(5)
    ) {
        self.server = server
        self.tokenFile = tokenFile
        self.caFile = caFile
        self.namespace = namespace
        self.operationTimeout = operationTimeout
        self.pollInterval = pollInterval
    }

    /// The client configuration, with the token read from ``tokenFile`` (trailing whitespace
    /// dropped, as a Secret mounted from `kubectl create secret --from-file` often ends in a newline).
    /// - Throws: ``StewardError/argoCD(_:)`` when the file cannot be read or is empty; the message
    ///   names the file, never its content.
    package func clientConfiguration() throws(StewardError) -> ArgoCDConfiguration {
        let token: String
        do {
            token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines)
        } catch {
            throw .argoCD(.invalidConfiguration("cannot read the token file \(tokenFile)"))
        }
        guard !token.isEmpty else {
            throw .argoCD(.invalidConfiguration("the token file \(tokenFile) is empty"))
        }
        return ArgoCDConfiguration(server: server, token: token, caFile: caFile, namespace: namespace)
    }
}
