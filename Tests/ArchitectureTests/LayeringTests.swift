import TestSupport
import Testing

/// The import graph of docs/architecture.md is the one Package.swift and the sources have.
@Suite("Targets import only downward, as docs/architecture.md draws them")
struct LayeringTests {
    @Test("the package keeps the layers its architecture document draws")
    func thePackageKeepsItsLayers() throws {
        let check = try PackageModules.check(root: PackagePaths.root)
        #expect(check.layers.first == "CLibGit2")
        #expect(check.layers.last == "steward")
        #expect(check.violations() == [])
    }

    @Test("an import of a target above is reported")
    func anUpwardImportIsReported() {
        var check = Self.threeLayers
        check.imported["Low"] = ["High"]
        check.declared["Low"] = ["High"]
        check.documented["Low"] = ["High"]
        #expect(check.violations() == ["Low imports High, which is not below it in docs/architecture.md"])
    }

    @Test("an import that Package.swift does not declare is reported")
    func anUndeclaredImportIsReported() {
        var check = Self.threeLayers
        check.imported["High"] = ["Middle", "Low", "NIOCore"]
        #expect(check.violations() == ["High imports NIOCore without declaring it in Package.swift"])
    }

    @Test("a dependency Package.swift declares but no source imports is reported")
    func anUnusedDeclarationIsReported() {
        var check = Self.threeLayers
        check.declared["Middle"] = ["Low", "NIOCore"]
        #expect(check.violations() == ["Middle declares NIOCore in Package.swift but imports nothing of it"])
    }

    @Test("a target the table lists twice is reported")
    func aDuplicateRowIsReported() {
        var check = Self.threeLayers
        check.layers.append("Low")
        #expect(check.violations() == ["docs/architecture.md lists Low twice"])
    }

    @Test("a table that no longer says what the sources import is reported")
    func aStaleTableIsReported() {
        var check = Self.threeLayers
        check.documented["High"] = ["Middle"]
        #expect(
            check.violations() == [
                "docs/architecture.md says High imports Middle; its sources import Low, Middle (not listed: Low)"
            ])
    }

    /// `Low` ← `Middle` ← `High`, all as documented and declared.
    static let threeLayers = LayeringCheck(
        layers: ["Low", "Middle", "High"],
        documented: ["Low": [], "Middle": ["Low"], "High": ["Middle", "Low"]],
        imported: ["Low": [], "Middle": ["Low"], "High": ["Middle", "Low"]],
        declared: ["Low": [], "Middle": ["Low"], "High": ["Middle", "Low"]])
}
