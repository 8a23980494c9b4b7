import Forge
import Foundation
import Kubernetes
import Policy
import YAMLSyntax

/// Reads a parsed configuration file into a ``RunConfiguration``, refusing unknown keys, wrong
/// types and contradictions with their position.
struct RunConfigurationReader {
    /// The top-level sections only `steward run` reads.
    static let sections = ["cluster", "repository", "policy", "observe", "signing", "forge", "publish"]

    let file: YAMLFile
    /// The configuration file's folder, which relative file paths start from.
    let folder: String

    func read() throws(StewardError) -> RunConfiguration {
        guard let document = file.documents.first, let rootNode = document.root else {
            throw StewardError("\(file.path): the configuration file is empty")
        }
        guard file.documents.count == 1 else {
            throw StewardError("\(file.path): the configuration file must hold one YAML document")
        }
        let root = try ConfigurationNode(node: rootNode, file: file, name: "").mapping(
            allowing: ["apiVersion", "kind", "inventory"] + Self.sections)
        if let apiVersion = root["apiVersion"], try apiVersion.string() != "steward.dev/v1" {
            throw apiVersion.error("apiVersion must be steward.dev/v1")
        }
        if let kind = root["kind"], try kind.string() != "Configuration" {
            throw kind.error("kind must be Configuration")
        }
        // The inventory's section is the one `steward plan --config` reads, by its own reader.
        let inventory =
            root["inventory"] == nil
            ? InventoryOptions() : try ConfigurationReader(file: file).read().inventory
        return RunConfiguration(
            repository: try repository(try required(root, "repository")),
            cluster: try root["cluster"]?.string(),
            policy: try root["policy"]?.string() ?? Policy.defaultPath,
            observe: try observe(try required(root, "observe")),
            signing: try signing(try required(root, "signing")),
            forge: try root["forge"].map { (node) throws(StewardError) in try forge(node) }
                ?? ForgeConfiguration(kind: .none),
            publish: try root["publish"].map { (node) throws(StewardError) in try publish(node) }
                ?? PublishSettings(),
            inventory: inventory)
    }

    private func repository(_ node: ConfigurationNode) throws(StewardError) -> RepositorySettings {
        let node = try node.mapping(allowing: [
            "url", "baseBranch", "tokenFile", "tokenUser", "sshKeyFile", "knownHostsFile", "caFile",
            "cacheDirectory",
        ])
        var settings = RepositorySettings(url: try required(node, "url").string())
        if let base = node["baseBranch"] {
            settings.baseBranch = try base.string()
            guard !settings.baseBranch.hasPrefix("refs/"), !settings.baseBranch.contains("..") else {
                throw base.error("repository.baseBranch is a branch name such as main, not a reference")
            }
        }
        settings.tokenFile = try path(node["tokenFile"])
        if let user = node["tokenUser"] { settings.tokenUser = try user.string() }
        settings.sshKeyFile = try path(node["sshKeyFile"])
        settings.knownHostsFile = try path(node["knownHostsFile"])
        settings.caFile = try path(node["caFile"])
        settings.cacheDirectory = try path(node["cacheDirectory"])
        if settings.tokenFile != nil, let key = node["sshKeyFile"] {
            throw key.error("repository.tokenFile and repository.sshKeyFile exclude each other")
        }
        return settings
    }

    private func observe(_ node: ConfigurationNode) throws(StewardError) -> ObservationSettings {
        let node = try node.mapping(allowing: ["profiles", "prometheus"])
        switch (node["profiles"], node["prometheus"]) {
        case (let profiles?, nil):
            return .profiles(path: try path(profiles) ?? "")
        case (nil, let prometheus?):
            let prometheus = try prometheus.mapping(allowing: [
                "url", "window", "step", "clusterLabel", "tokenFile", "basicAuthFile", "caFile", "timeout",
            ])
            var settings = PrometheusSettings(url: try required(prometheus, "url").string())
            if let window = prometheus["window"] { settings.window = try window.string() }
            if let step = prometheus["step"] { settings.step = try step.string() }
            settings.clusterLabel = try prometheus["clusterLabel"]?.string()
            settings.tokenFile = try path(prometheus["tokenFile"])
            settings.basicAuthFile = try path(prometheus["basicAuthFile"])
            settings.caFile = try path(prometheus["caFile"])
            if let timeout = prometheus["timeout"] { settings.timeout = try timeout.string() }
            return .prometheus(settings)
        default:
            throw node.error("observe needs exactly one of profiles (a file) and prometheus (a server)")
        }
    }

    private func signing(_ node: ConfigurationNode) throws(StewardError) -> SigningSettings {
        let node = try node.mapping(allowing: ["keyFile", "name", "email"])
        var settings = SigningSettings(keyFile: try path(try required(node, "keyFile")) ?? "")
        if let name = node["name"] { settings.name = try name.string() }
        if let email = node["email"] {
            settings.email = try email.string()
            guard settings.email.contains("@"), !settings.email.contains(where: \.isWhitespace) else {
                throw email.error("signing.email must be an e-mail address")
            }
        }
        return settings
    }

    private func forge(_ node: ConfigurationNode) throws(StewardError) -> ForgeConfiguration {
        let node = try node.mapping(allowing: [
            "kind", "apiURL", "repository", "tokenFile", "outputDirectory",
        ])
        let kindNode = try required(node, "kind")
        guard let kind = ForgeKind(name: try kindNode.string()) else {
            throw kindNode.error("forge.kind must be one of github, gitlab, gitea, forgejo, none")
        }
        var configuration = ForgeConfiguration(kind: kind)
        configuration.apiURL = try node["apiURL"]?.string()
        configuration.tokenFile = try path(node["tokenFile"])
        configuration.outputDirectory = try path(node["outputDirectory"])
        if kind == .none {
            if let repository = node["repository"] { configuration.repository = try repository.string() }
        } else {
            configuration.repository = try required(node, "repository").string()
            guard configuration.tokenFile != nil else {
                throw kindNode.error("forge.tokenFile is required for \(kind.displayName)")
            }
        }
        return configuration
    }

    private func publish(_ node: ConfigurationNode) throws(StewardError) -> PublishSettings {
        let node = try node.mapping(allowing: [
            "branchPrefix", "groupBy", "labels", "template", "revertTemplate",
        ])
        var settings = PublishSettings()
        if let prefix = node["branchPrefix"] {
            settings.branchPrefix = try prefix.string()
            guard BranchName.isValidPrefix(settings.branchPrefix) else {
                throw prefix.error(
                    "publish.branchPrefix must be a branch name prefix ending in / or - (steward/, bots/steward-)"
                )
            }
        }
        if let groupBy = node["groupBy"] { settings.groupBy = try groupBy.choice(Grouping.self) }
        if let labels = node["labels"] { settings.labels = try labels.strings() }
        if let template = node["template"] { settings.template = try template.string() }
        if let template = node["revertTemplate"] { settings.revertTemplate = try template.string() }
        return settings
    }

    private func required(_ node: ConfigurationNode, _ key: String) throws(StewardError) -> ConfigurationNode
    {
        guard let value = node[key] else {
            throw node.error("\(node.name.isEmpty ? "the configuration" : node.name) needs \(key)")
        }
        return value
    }

    /// A file path from the configuration, relative to the configuration file's folder.
    private func path(_ node: ConfigurationNode?) throws(StewardError) -> String? {
        guard let node else { return nil }
        let text = try node.string()
        return text.hasPrefix("/") ? text : (folder as NSString).appendingPathComponent(text)
    }
}
