import Policy
import Testing

/// Globs over names, and which globs certainly cover others (for shadowed rules).
@Suite struct GlobTests {
    @Test(arguments: [
        ("shop-*", "shop-eu", true), ("shop-*", "shop-", true), ("shop-*", "shop", false),
        ("*-system", "kube-system", true), ("*-system", "system", false), ("we?", "web", true),
        ("we?", "webs", false), ("*", "", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false),
        ("web", "web", true), ("web", "Web", false),
    ])
    func matchesWholeNames(pattern: String, text: String, matches: Bool) {
        #expect(Glob(pattern).matches(text) == matches)
    }

    @Test(arguments: [
        ("*", "shop-*", true), ("shop-*", "shop-eu-*", true), ("shop-*", "shop-eu", true),
        ("shop-*", "*-eu", false), ("shop-eu", "shop-*", false), ("a*c", "abc", true), ("a*c", "a*c", true),
        ("a*c", "ab*c", false),
    ])
    func coversOnlyWhenCertain(wide: String, narrow: String, covers: Bool) {
        #expect(Glob(wide).covers(Glob(narrow)) == covers)
    }
}
