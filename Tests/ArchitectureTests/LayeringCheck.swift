/// The rules of docs/architecture.md over a package's targets: each target imports only targets
/// below it in the layering (the rows before its own in the document's table, which lists the
/// lowest first), declares in Package.swift exactly the modules it imports, and the table's
/// import column says what the sources import.
struct LayeringCheck {
    /// The project's targets in the document's order, lowest first.
    var layers: [String]
    /// Per target, the project targets the document says it imports.
    var documented: [String: Set<String>]
    /// Per target, every module its sources import.
    var imported: [String: Set<String>]
    /// Per target, the modules Package.swift declares it depends on.
    var declared: [String: Set<String>]

    /// Every broken rule, one sentence each; empty when the package keeps them all.
    func violations() -> [String] {
        var problems: [String] = []
        var rank: [String: Int] = [:]
        for (level, target) in layers.enumerated() {
            if rank[target] != nil {
                problems.append("docs/architecture.md lists \(target) twice")
            } else {
                rank[target] = level
            }
        }
        for target in imported.keys.sorted() {
            guard let level = rank[target] else {
                problems.append("\(target) is not in the table of docs/architecture.md")
                continue
            }
            let modules = imported[target, default: []]
            let project = modules.filter { rank[$0] != nil }
            for module in project.sorted() where rank[module, default: 0] >= level {
                problems.append("\(target) imports \(module), which is not below it in docs/architecture.md")
            }
            for module in modules.subtracting(declared[target, default: []]).sorted() {
                problems.append("\(target) imports \(module) without declaring it in Package.swift")
            }
            for module in declared[target, default: []].subtracting(modules).sorted() {
                problems.append("\(target) declares \(module) in Package.swift but imports nothing of it")
            }
            let written = documented[target, default: []]
            if written != project {
                let missing = project.subtracting(written).sorted()
                let extra = written.subtracting(project).sorted()
                problems.append(
                    "docs/architecture.md says \(target) imports \(Self.list(written)); its sources import "
                        + Self.list(project) + Self.detail(missing: missing, extra: extra))
            }
        }
        for target in layers where imported[target] == nil {
            problems.append("docs/architecture.md lists \(target), which Package.swift does not have")
        }
        return problems
    }

    private static func list(_ names: Set<String>) -> String {
        names.isEmpty ? "nothing" : names.sorted().joined(separator: ", ")
    }

    private static func detail(missing: [String], extra: [String]) -> String {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("not listed: \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("not imported: \(extra.joined(separator: ", "))") }
        return " (\(parts.joined(separator: "; ")))"
    }
}
