import Kubernetes
import YAMLSyntax

/// Reads a parsed configuration file, refusing unknown keys and wrong types with their position.
struct ConfigurationReader {
    let file: YAMLFile

    func read() throws(StewardError) -> StewardConfiguration {
        guard let root = file.documents.first?.root, root.kind == .mapping else {
            throw StewardError("\(file.path): the configuration must be a mapping")
        }
        // The same file configures `steward run` (RunConfigurationReader reads those sections).
        try allow(root, ["apiVersion", "kind", "inventory"] + RunConfigurationReader.sections)
        if let apiVersion = root["apiVersion"], apiVersion.scalar != "steward.dev/v1" {
            throw error(apiVersion, "apiVersion must be steward.dev/v1")
        }
        if let kind = root["kind"], kind.scalar != "Configuration" {
            throw error(kind, "kind must be Configuration")
        }
        var configuration = StewardConfiguration()
        // The run's grouping decides what one pull request holds, which the plan's per-PR limit
        // counts; RunConfigurationReader checks the rest of the section.
        configuration.groupBy = try ConfigurationNode(node: root, file: file, name: "")["publish"]?[
            "groupBy"]?
            .choice(Grouping.self)
        guard let inventory = root["inventory"] else { return configuration }
        try expect(inventory, .mapping, "inventory")
        try allow(inventory, ["clusters", "patchFile", "repositoryURLs", "helm", "ignore"])
        if let clusters = inventory["clusters"] {
            try expect(clusters, .mapping, "inventory.clusters")
            for (key, value) in clusters.entries {
                guard let name = key.scalar, let cluster = value.scalar, value.kind == .scalar else {
                    throw error(
                        value, "inventory.clusters maps a destination name or server to a cluster name")
                }
                configuration.inventory.clusters[name] = cluster
            }
        }
        if let patchFile = inventory["patchFile"] {
            guard let name = patchFile.scalar, !name.isEmpty, !name.contains("/"),
                name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            else {
                throw error(patchFile, "inventory.patchFile must be a file name ending in .yaml")
            }
            configuration.inventory.patchFileName = name
        }
        if let urls = inventory["repositoryURLs"] {
            try expect(urls, .sequence, "inventory.repositoryURLs")
            configuration.inventory.repositoryURLs = try urls.items.map { item throws(StewardError) in
                guard let url = item.scalar, item.kind == .scalar else { throw error(item, "expected a URL") }
                return url
            }
        }
        if let ignore = inventory["ignore"] {
            try expect(ignore, .sequence, "inventory.ignore")
            configuration.inventory.ignore = try ignore.items.map { item throws(StewardError) in
                guard let path = item.scalar, item.kind == .scalar, !path.isEmpty, !path.hasPrefix("/") else {
                    throw error(item, "inventory.ignore lists paths relative to the repository root")
                }
                return path.hasSuffix("/") ? String(path.dropLast()) : path
            }
        }
        if let helm = inventory["helm"] {
            try expect(helm, .sequence, "inventory.helm")
            for item in helm.items {
                try expect(item, .mapping, "an inventory.helm item")
                try allow(item, ["chart", "template", "container", "values"])
                configuration.inventory.helmMappings.append(try mapping(item))
            }
        }
        return configuration
    }

    private func mapping(_ item: YAMLNode) throws(StewardError) -> HelmMapping {
        func required(_ key: String) throws(StewardError) -> String {
            guard let node = item[key] else { throw error(item, "inventory.helm items need `\(key)`") }
            guard let text = node.scalar, node.kind == .scalar, !text.isEmpty else {
                throw error(node, "`\(key)` must be a string")
            }
            return text
        }
        let valuesText = try required("values")
        let values: YAMLPath
        do {
            values = try YAMLPath(parsing: valuesText)
        } catch {
            throw self.error(item["values"]!, "`values` is not a values path: \(error.message)")
        }
        return HelmMapping(
            chart: try required("chart"), template: item["template"]?.scalar,
            container: try required("container"),
            values: values)
    }

    private func allow(_ node: YAMLNode, _ keys: [String]) throws(StewardError) {
        for (key, _) in node.entries where !keys.contains(key.scalar ?? "") {
            throw error(
                key, "unknown key '\(key.scalar ?? key.source)' (expected \(keys.joined(separator: ", ")))")
        }
    }

    private func expect(_ node: YAMLNode, _ kind: YAMLNode.Kind, _ name: String) throws(StewardError) {
        guard node.kind == kind else {
            throw error(node, "\(name) must be a \(kind == .mapping ? "mapping" : "list")")
        }
    }

    private func error(_ node: YAMLNode, _ message: String) -> StewardError {
        StewardError(file.error(at: node.byteRange.lowerBound, message).description)
    }
}
