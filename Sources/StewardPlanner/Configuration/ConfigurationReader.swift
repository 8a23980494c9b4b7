import Forge
import Foundation
import Kubernetes
import Policy
import Profiles
import YAMLSyntax

/// Reads a parsed `steward.yaml` into a ``StewardConfiguration``, collecting every unknown key,
/// wrong type and contradiction with its position, as the policy reader does.
struct ConfigurationReader {
    var reader: YAMLReader
    /// The configuration file's folder, which relative file paths start from.
    let folder: String
    let purpose: StewardConfiguration.Purpose

    private static let sections = [
        "apiVersion", "kind", "cluster", "repository", "policy", "observe", "signing", "forge", "publish",
        "inventory", "argocd",
    ]

    /// The configuration, or nil when the file is not a mapping at all; the reader's diagnostics
    /// say what else is wrong.
    mutating func read() -> StewardConfiguration? {
        guard let root = reader.root(known: Self.sections, what: "a configuration file") else { return nil }
        if let node = value(root, "apiVersion"), let text = string(node, at: "apiVersion"),
            text != Policy.apiVersion
        {
            reader.report(node, "apiVersion: expected \(Policy.apiVersion), found \(text)")
        }
        if let node = value(root, "kind"), let text = string(node, at: "kind"), text != "Configuration" {
            reader.report(node, "kind: expected Configuration, found \(text)")
        }
        var configuration = StewardConfiguration()
        configuration.cluster = value(root, "cluster").flatMap { string($0, at: "cluster") }
        if let policy = value(root, "policy").flatMap({ string($0, at: "policy") }) {
            configuration.policy = policy
        }
        configuration.repository = section(root, "repository") { reader, node in reader.repository(node) }
        configuration.observe = section(root, "observe") { reader, node in reader.observe(node) }
        configuration.signing = section(root, "signing") { reader, node in reader.signing(node) }
        if let forge = section(root, "forge", { reader, node in reader.forge(node) }) {
            configuration.forge = forge
        }
        if let publish = section(root, "publish", { reader, node in reader.publish(node) }) {
            configuration.publish = publish
        }
        if let inventory = section(root, "inventory", { reader, node in reader.inventory(node) }) {
            configuration.inventory = inventory
        }
        configuration.argoCD = section(root, "argocd") { reader, node in reader.argoCD(node) }
        return configuration
    }

    /// A top-level section read by `body`; a missing one that `steward run` needs is reported.
    private mutating func section<Value>(
        _ root: MappingFields, _ key: String, _ body: (inout ConfigurationReader, YAMLNode) -> Value?
    ) -> Value? {
        guard let node = value(root, key) else {
            if purpose == .run, ["repository", "observe", "signing"].contains(key) {
                reader.report(root.node, "\(key): required by steward run")
            }
            return nil
        }
        return body(&self, node)
    }

    private mutating func repository(_ node: YAMLNode) -> RepositorySettings? {
        let known = [
            "url", "baseBranch", "tokenFile", "tokenUser", "sshKeyFile", "knownHostsFile", "caFile",
            "cacheDirectory",
        ]
        guard let fields = reader.fields(node, at: "repository", known: known),
            let url = required(fields, "url", at: "repository")
        else { return nil }
        var settings = RepositorySettings(url: url)
        if let base = value(fields, "baseBranch"), let branch = string(base, at: "repository.baseBranch") {
            if branch.hasPrefix("refs/") || branch.contains("..") {
                reader.report(base, "repository.baseBranch: a branch name such as main, not a reference")
            }
            settings.baseBranch = branch
        }
        settings.tokenFile = path(fields, "tokenFile", at: "repository")
        if let user = value(fields, "tokenUser").flatMap({ string($0, at: "repository.tokenUser") }) {
            settings.tokenUser = user
        }
        settings.sshKeyFile = path(fields, "sshKeyFile", at: "repository")
        settings.knownHostsFile = path(fields, "knownHostsFile", at: "repository")
        settings.caFile = path(fields, "caFile", at: "repository")
        settings.cacheDirectory = path(fields, "cacheDirectory", at: "repository")
        if settings.tokenFile != nil, let key = value(fields, "sshKeyFile") {
            reader.report(key, "repository: tokenFile and sshKeyFile exclude each other")
        }
        return settings
    }

    private mutating func observe(_ node: YAMLNode) -> ObservationSettings? {
        guard let fields = reader.fields(node, at: "observe", known: ["profiles", "prometheus"]) else {
            return nil
        }
        switch (value(fields, "profiles"), value(fields, "prometheus")) {
        case (.some, nil):
            return path(fields, "profiles", at: "observe").map { .profiles(path: $0) }
        case (nil, let prometheus?):
            return self.prometheus(prometheus).map { .prometheus($0) }
        case (nil, nil) where fields.entries.count < node.entries.count:
            // A misspelt key was reported with its did-you-mean; that says it all.
            return nil
        default:
            reader.report(
                node, "observe: expected exactly one of profiles (a file) and prometheus (a server)")
            return nil
        }
    }

    private mutating func prometheus(_ node: YAMLNode) -> PrometheusSettings? {
        let known = [
            "url", "window", "step", "clusterLabel", "tokenFile", "basicAuthFile", "caFile", "timeout",
        ]
        let location = "observe.prometheus"
        guard let fields = reader.fields(node, at: location, known: known),
            let url = required(fields, "url", at: location)
        else { return nil }
        var settings = PrometheusSettings(url: url)
        if let window = optionalString(fields, "window", at: location) { settings.window = window }
        if let step = optionalString(fields, "step", at: location) { settings.step = step }
        settings.clusterLabel = optionalString(fields, "clusterLabel", at: location)
        settings.tokenFile = path(fields, "tokenFile", at: location)
        settings.basicAuthFile = path(fields, "basicAuthFile", at: location)
        settings.caFile = path(fields, "caFile", at: location)
        if let timeout = optionalString(fields, "timeout", at: location) { settings.timeout = timeout }
        return settings
    }

    private mutating func signing(_ node: YAMLNode) -> SigningSettings? {
        guard let fields = reader.fields(node, at: "signing", known: ["keyFile", "name", "email"]),
            required(fields, "keyFile", at: "signing") != nil,
            let keyFile = path(fields, "keyFile", at: "signing")
        else { return nil }
        var settings = SigningSettings(keyFile: keyFile)
        if let name = optionalString(fields, "name", at: "signing") { settings.name = name }
        if let node = value(fields, "email"), let email = string(node, at: "signing.email") {
            if !email.contains("@") || email.contains(where: \.isWhitespace) {
                reader.report(node, "signing.email: expected an e-mail address")
            }
            settings.email = email
        }
        return settings
    }

    private mutating func forge(_ node: YAMLNode) -> ForgeConfiguration? {
        let known = ["kind", "apiURL", "repository", "tokenFile", "outputDirectory"]
        guard let fields = reader.fields(node, at: "forge", known: known),
            let kindNode = value(fields, "kind") ?? reportMissing(fields, "kind", at: "forge"),
            let name = string(kindNode, at: "forge.kind")
        else { return nil }
        guard let kind = ForgeKind(name: name) else {
            reader.report(kindNode, "forge.kind: expected one of github, gitlab, gitea, forgejo, none")
            return nil
        }
        var configuration = ForgeConfiguration(kind: kind)
        configuration.apiURL = optionalString(fields, "apiURL", at: "forge")
        configuration.tokenFile = path(fields, "tokenFile", at: "forge")
        configuration.outputDirectory = path(fields, "outputDirectory", at: "forge")
        if kind == .none {
            if let repository = optionalString(fields, "repository", at: "forge") {
                configuration.repository = repository
            }
        } else {
            configuration.repository = required(fields, "repository", at: "forge") ?? ""
            if configuration.tokenFile == nil {
                reader.report(kindNode, "forge.tokenFile: required for \(kind.displayName)")
            }
        }
        return configuration
    }

    private mutating func publish(_ node: YAMLNode) -> PublishSettings? {
        let known = ["branchPrefix", "groupBy", "labels", "template", "revertTemplate"]
        guard let fields = reader.fields(node, at: "publish", known: known) else { return nil }
        var settings = PublishSettings()
        if let node = value(fields, "branchPrefix"), let prefix = string(node, at: "publish.branchPrefix") {
            if !BranchName.isValidPrefix(prefix) {
                reader.report(
                    node,
                    "publish.branchPrefix: expected a branch name prefix ending in / or - (steward/, bots/steward-)"
                )
            }
            settings.branchPrefix = prefix
        }
        if let node = value(fields, "groupBy"), let text = string(node, at: "publish.groupBy") {
            if let grouping = Grouping(rawValue: text) {
                settings.groupBy = grouping
            } else {
                let known = Grouping.allCases.map(\.rawValue)
                reader.report(
                    node,
                    "publish.groupBy: expected one of \(known.joined(separator: ", ")), found \"\(text)\""
                        + Suggestion.hint(for: text, in: known))
            }
        }
        if let node = value(fields, "labels"), let labels = reader.strings(node, at: "publish.labels") {
            settings.labels = labels.map(\.text)
        }
        if let template = optionalString(fields, "template", at: "publish") { settings.template = template }
        if let template = optionalString(fields, "revertTemplate", at: "publish") {
            settings.revertTemplate = template
        }
        return settings
    }

    private mutating func inventory(_ node: YAMLNode) -> InventoryOptions? {
        let known = ["clusters", "patchFile", "repositoryURLs", "helm", "ignore"]
        guard let fields = reader.fields(node, at: "inventory", known: known) else { return nil }
        var options = InventoryOptions()
        if let clusters = value(fields, "clusters"),
            let map = reader.stringMap(clusters, at: "inventory.clusters")
        {
            options.clusters = map
        }
        if let node = value(fields, "patchFile"), let name = string(node, at: "inventory.patchFile") {
            if name.contains("/") || !(name.hasSuffix(".yaml") || name.hasSuffix(".yml")) {
                reader.report(node, "inventory.patchFile: expected a file name ending in .yaml")
            } else {
                options.patchFileName = name
            }
        }
        if let urls = value(fields, "repositoryURLs"),
            let list = reader.strings(urls, at: "inventory.repositoryURLs")
        {
            options.repositoryURLs = list.map(\.text)
        }
        if let ignore = value(fields, "ignore"), let list = reader.strings(ignore, at: "inventory.ignore") {
            for (index, item) in list.enumerated() {
                guard !item.text.hasPrefix("/") else {
                    reader.report(
                        item.node,
                        "inventory.ignore[\(index)]: expected a path relative to the repository root")
                    continue
                }
                options.ignore.append(item.text.hasSuffix("/") ? String(item.text.dropLast()) : item.text)
            }
        }
        if let helm = value(fields, "helm") {
            guard helm.kind == .sequence else {
                reader.report(helm, "inventory.helm: expected a list of chart mappings")
                return options
            }
            for (index, item) in reader.items(helm).enumerated() {
                if let mapping = helmMapping(item, at: "inventory.helm[\(index)]") {
                    options.helmMappings.append(mapping)
                }
            }
        }
        return options
    }

    private mutating func argoCD(_ node: YAMLNode) -> ArgoCDSettings? {
        let known = ["server", "tokenFile", "caFile", "namespace", "operationTimeout", "pollInterval"]
        guard let fields = reader.fields(node, at: "argocd", known: known),
            let serverNode = value(fields, "server") ?? reportMissing(fields, "server", at: "argocd"),
            let server = string(serverNode, at: "argocd.server")
        else { return nil }
        if !server.hasPrefix("https://") && !server.hasPrefix("http://") {
            reader.report(serverNode, "argocd.server: expected an https:// URL of the Argo CD API server")
        }
        guard required(fields, "tokenFile", at: "argocd") != nil,
            let tokenFile = path(fields, "tokenFile", at: "argocd")
        else { return nil }
        var settings = ArgoCDSettings(server: server, tokenFile: tokenFile)
        settings.caFile = path(fields, "caFile", at: "argocd")
        if let namespace = optionalString(fields, "namespace", at: "argocd") {
            settings.namespace = namespace
        }
        for (key, keyPath) in [
            ("operationTimeout", \ArgoCDSettings.operationTimeout), ("pollInterval", \.pollInterval),
        ] {
            guard let node = value(fields, key), let text = string(node, at: "argocd.\(key)") else {
                continue
            }
            guard let duration = PrometheusDuration(text), duration.milliseconds > 0 else {
                reader.report(node, "argocd.\(key): expected a duration such as 30s or 5m, found \"\(text)\"")
                continue
            }
            settings[keyPath: keyPath] = duration
        }
        if settings.pollInterval >= settings.operationTimeout, let node = value(fields, "pollInterval") {
            reader.report(
                node,
                "argocd.pollInterval: must be shorter than argocd.operationTimeout (\(settings.operationTimeout)), "
                    + "or a rollback could not be read even once")
        }
        return settings
    }

    private mutating func helmMapping(_ node: YAMLNode, at location: String) -> HelmMapping? {
        guard
            let fields = reader.fields(
                node, at: location, known: ["chart", "template", "container", "values"])
        else { return nil }
        let chart = required(fields, "chart", at: location)
        let container = required(fields, "container", at: location)
        let template = optionalString(fields, "template", at: location)
        guard let valuesNode = value(fields, "values") ?? reportMissing(fields, "values", at: location),
            let valuesText = string(valuesNode, at: "\(location).values")
        else { return nil }
        let values: YAMLPath
        do {
            values = try YAMLPath(parsing: valuesText)
        } catch {
            reader.report(valuesNode, "\(location).values: not a values path: \(error.message)")
            return nil
        }
        guard let chart, let container else { return nil }
        return HelmMapping(chart: chart, template: template, container: container, values: values)
    }

    /// The entry's value; an explicit null (`key:`, `~`) counts as absent, as in Kubernetes.
    private func value(_ fields: MappingFields, _ key: String) -> YAMLNode? {
        guard let node = fields[key], !node.isEmpty,
            !(node.kind == .scalar && ["null", "~"].contains(node.source))
        else { return nil }
        return node
    }

    private mutating func reportMissing(_ fields: MappingFields, _ key: String, at location: String)
        -> YAMLNode?
    {
        reader.report(fields[key] ?? fields.node, "\(YAMLReader.join(location, key)): required")
        return nil
    }

    /// A required string entry, or nil after reporting it missing or wrong.
    private mutating func required(_ fields: MappingFields, _ key: String, at location: String) -> String? {
        guard let node = value(fields, key) ?? reportMissing(fields, key, at: location) else { return nil }
        return string(node, at: YAMLReader.join(location, key))
    }

    private mutating func optionalString(_ fields: MappingFields, _ key: String, at location: String)
        -> String?
    {
        value(fields, key).flatMap { string($0, at: YAMLReader.join(location, key)) }
    }

    /// A non-empty plain string; unlike a policy, a configuration may leave `8080`-like values
    /// unquoted, so any scalar's text is taken.
    private mutating func string(_ node: YAMLNode, at location: String) -> String? {
        guard node.kind == .scalar, let text = node.scalar, !text.isEmpty else {
            reader.report(node, "\(location): expected a non-empty string")
            return nil
        }
        return text
    }

    /// A file path from the configuration, relative to the configuration file's folder.
    private mutating func path(_ fields: MappingFields, _ key: String, at location: String) -> String? {
        guard let text = optionalString(fields, key, at: location) else { return nil }
        return text.hasPrefix("/") ? text : (folder as NSString).appendingPathComponent(text)
    }
}
