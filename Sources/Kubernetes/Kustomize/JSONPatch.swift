import YAMLSyntax

/// Applies a JSON patch (RFC 6902, kustomize's `patchesJson6902`) to the parts of a resource
/// Steward reads. Operations on other fields are ignored: they do not change what Steward sizes.
enum JSONPatch {
    /// Applies the operations in order; returns the problems (an index out of range, an
    /// operation Steward does not render on containers), each naming the operation's line.
    static func apply(
        _ operations: YAMLNode, context: DocumentContext, to resource: inout RenderedResource
    ) -> [(line: Int, column: Int, message: String)] {
        var problems: [(Int, Int, String)] = []
        for (index, operation) in operations.items.enumerated() {
            guard let op = operation["op"]?.scalar, let pointer = operation["path"]?.scalar else {
                problems.append(
                    (
                        operation.start.line, operation.start.column,
                        "a JSON patch operation needs `op` and `path`"
                    ))
                continue
            }
            let valuePath = YAMLPath([.index(index), .key("value")])
            let message = apply(
                op: op, pointer: tokens(pointer), value: operation["value"], valuePath: valuePath,
                context: context, to: &resource)
            if let message {
                problems.append(
                    (operation.start.line, operation.start.column, "\(op) \(pointer): \(message)"))
            }
        }
        return problems
    }

    /// The reference tokens of a JSON pointer, `~1` and `~0` decoded.
    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(decode)
    }

    /// A token with `~1` read as `/` and `~0` as `~`.
    private static func decode(_ token: Substring) -> String {
        var result = ""
        var escaped = false
        for character in token {
            if escaped {
                result.append(character == "1" ? "/" : character == "0" ? "~" : character)
                escaped = false
            } else if character == "~" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func apply(
        op: String, pointer: [String], value: YAMLNode?, valuePath: YAMLPath, context: DocumentContext,
        to resource: inout RenderedResource
    ) -> String? {
        guard case .workload(var body) = resource.body else { return nil }
        defer { resource.body = .workload(body) }
        if pointer == ["spec", "replicas"] {
            switch op {
            case "add", "replace": body.replicas = value?.scalar.flatMap { Int($0) }
            case "remove": body.replicas = nil
            default: break
            }
            return nil
        }
        if pointer.first == "metadata", pointer.count == 2, ["name", "namespace"].contains(pointer[1]),
            op != "test"
        {
            return "Steward does not render changes of a resource's \(pointer[1]) by a JSON patch"
        }
        let podSpec = body.shape.keys
        guard pointer.count > podSpec.count, Array(pointer.prefix(podSpec.count)) == podSpec,
            ["containers", "initContainers"].contains(pointer[podSpec.count])
        else { return nil }
        let section = pointer[podSpec.count]
        let rest = Array(pointer.dropFirst(podSpec.count + 1))
        if op == "test" { return nil }
        if op == "move" || op == "copy" {
            return "Steward does not render `\(op)` on containers"
        }
        var containers = body[section]
        defer { body[section] = containers }
        guard let first = rest.first else {
            // The whole list.
            switch op {
            case "remove": containers = []
            default:
                containers = ManifestScanner.containers(in: value, at: valuePath, context: context)
            }
            return nil
        }
        let append = first == "-"
        guard let index = append ? containers.count : Int(first) else {
            return "'\(first)' is not a list index"
        }
        if rest.count == 1 {
            switch op {
            case "add":
                guard index <= containers.count else { return "index \(index) is out of range" }
                guard let value, let name = value["name"]?.scalar else { return "the container has no name" }
                containers.insert(
                    ManifestScanner.container(value, name: name, at: valuePath, context: context), at: index)
            case "replace":
                guard index < containers.count else { return "index \(index) is out of range" }
                guard let value, let name = value["name"]?.scalar else { return "the container has no name" }
                containers[index] = ManifestScanner.container(
                    value, name: name, at: valuePath, context: context)
            case "remove":
                guard index < containers.count else { return "index \(index) is out of range" }
                containers.remove(at: index)
            default:
                return "unknown operation"
            }
            return nil
        }
        guard index < containers.count else { return "index \(index) is out of range" }
        return applyInside(
            &containers[index], op: op, pointer: Array(rest.dropFirst()), value: value, valuePath: valuePath,
            context: context)
    }

    /// An operation inside one container: its image, name, restart policy or resources.
    private static func applyInside(
        _ container: inout RenderedContainer, op: String, pointer: [String], value: YAMLNode?,
        valuePath: YAMLPath, context: DocumentContext
    ) -> String? {
        let removing = op == "remove"
        switch pointer.first {
        case "image": container.image = removing ? nil : value?.scalar
        case "restartPolicy": container.restartPolicy = removing ? nil : value?.scalar
        case "name":
            guard !removing, let name = value?.scalar else { return "a container needs a name" }
            container.name = name
        case "resources":
            let sectionFields = { (section: String) in ResourceField.allCases.filter { $0.section == section }
            }
            switch pointer.count {
            case 1:
                container.fields =
                    if !removing, let value {
                        ManifestScanner.fields(of: value, at: valuePath, context: context)
                    } else {
                        ContainerFields()
                    }
            case 2:
                guard ["requests", "limits"].contains(pointer[1]) else { return nil }
                for field in sectionFields(pointer[1]) { container.fields.remove(field) }
                guard !removing, let value, value.kind == .mapping else { return nil }
                for field in sectionFields(pointer[1]) {
                    guard let node = value[field.resource], node.kind == .scalar, !node.isEmpty,
                        !node.isNull, let text = node.scalar
                    else { continue }
                    container.fields.set(
                        field,
                        to: RenderedValue(
                            text: text,
                            location: context.location(valuePath.appending(.key(field.resource)), node)))
                }
            case 3:
                guard let field = ResourceField(rawValue: "\(pointer[1]).\(pointer[2])") else { return nil }
                if removing {
                    container.fields.remove(field)
                } else if let value, value.kind == .scalar, !value.isEmpty, let text = value.scalar {
                    container.fields.set(
                        field,
                        to: RenderedValue(
                            text: text, location: context.location(valuePath, value)))
                } else {
                    container.fields.remove(field)
                }
            default:
                break
            }
        default:
            break
        }
        return nil
    }
}
