import Kubernetes
import YAMLSyntax

/// The path of a field rule, in workload form: a pod template, a container list, a container
/// (`[*]` or `[name=NAME]`), then `resources.<requests|limits>.<cpu|memory>`.
///
/// Only such paths can ever match what the bot changes, so anything else is refused when the
/// policy is loaded rather than silently never matching.
public struct FieldPattern: Sendable, Hashable, CustomStringConvertible {
    public let path: YAMLPath

    /// The container lists of a pod spec that have resources.
    static let containerLists = ["containers", "initContainers"]

    /// Parses and checks a pattern.
    /// - Throws: `FieldPatternError` saying why the path is malformed or can never match.
    public init(parsing text: String) throws(FieldPatternError) {
        let path: YAMLPath
        do {
            path = try YAMLPath(parsing: text)
        } catch {
            throw FieldPatternError(message: "not a path: \(error.message) at character \(error.position)")
        }
        try self.init(path)
    }

    /// Checks a parsed pattern.
    public init(_ path: YAMLPath) throws(FieldPatternError) {
        if let problem = Self.problem(path) {
            throw FieldPatternError(message: "`\(path)` can never match a resources field: \(problem)")
        }
        self.path = path
    }

    /// `cpu` or `memory`: the resource the pattern's field holds.
    public var resource: String {
        if case .key(let key) = path.components.last { return key }
        return ""
    }

    public var description: String { path.description }

    /// Whether the pattern matches `field`, a workload-form path whose container is written
    /// `[name=NAME]`.
    public func matches(_ field: YAMLPath) -> Bool {
        guard field.components.count == path.components.count else { return false }
        for (pattern, component) in zip(path.components, field.components) {
            switch (pattern, component) {
            case (.wildcard, .match), (.wildcard, .index), (.wildcard, .wildcard):
                continue
            default:
                guard pattern == component else { return false }
            }
        }
        return true
    }

    private static func problem(_ path: YAMLPath) -> String? {
        let components = path.components
        let podSpecs = Set(ManifestScanner.podSpecPaths.values)
        guard
            let podSpec = podSpecs.filter({ $0.isPrefix(of: path) }).max(by: {
                $0.components.count < $1.components.count
            })
        else {
            return
                "it does not start at a pod spec (spec.template.spec, or spec.jobTemplate.spec.template.spec "
                + "for a CronJob)"
        }
        var rest = components.dropFirst(podSpec.components.count)
        guard case .key(let list)? = rest.first, containerLists.contains(list) else {
            return "after \(podSpec) comes containers or initContainers"
        }
        rest = rest.dropFirst()
        switch rest.first {
        case .wildcard?: break
        case .match("name", _)?: break
        default: return "after \(list) comes [*] or [name=NAME] to select containers"
        }
        rest = rest.dropFirst()
        let keys = rest.map { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        guard keys.count == 3, keys[0] == "resources", keys[1] == "requests" || keys[1] == "limits",
            keys[2] == "cpu" || keys[2] == "memory"
        else {
            return "after the container comes resources.requests.cpu, resources.requests.memory, "
                + "resources.limits.cpu or resources.limits.memory"
        }
        return nil
    }
}

/// Why a field path cannot be used in a policy.
public struct FieldPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public var description: String { message }
}
