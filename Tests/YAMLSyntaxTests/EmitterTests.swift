import Testing
import YAMLSyntax

@Suite struct EmitterTests {
    static let patch: YAMLValue = .mapping([
        YAMLPair(key: .string("apiVersion"), value: .string("apps/v1")),
        YAMLPair(key: .string("kind"), value: .string("Deployment")),
        YAMLPair(
            key: .string("metadata"), value: .mapping([YAMLPair(key: .string("name"), value: .string("web"))])
        ),
        YAMLPair(
            key: .string("spec"),
            value: .mapping([
                YAMLPair(
                    key: .string("containers"),
                    value: .sequence([
                        .mapping([
                            YAMLPair(key: .string("name"), value: .string("app")),
                            YAMLPair(
                                key: .string("args"),
                                value: .sequence([.string("--port"), .string("8080"), .string("yes")])),
                            YAMLPair(key: .string("script"), value: .string("echo a\necho b\n")),
                            YAMLPair(key: .string("empty"), value: .mapping([])),
                            YAMLPair(key: .string("ratio"), value: .float(0.5)),
                            YAMLPair(key: .string("on"), value: .bool(true)),
                        ])
                    ])),
                YAMLPair(key: .string("note"), value: .string("a: b # c")),
                YAMLPair(key: .string("nothing"), value: .null),
            ])),
    ])

    @Test func emitsBlockStyle() {
        #expect(
            YAMLEmitter.emit(Self.patch) == """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      args:
                        - --port
                        - "8080"
                        - "yes"
                      script: |
                        echo a
                        echo b
                      empty: {}
                      ratio: 0.5
                      "on": true
                  note: "a: b # c"
                  nothing: null

                """)
    }

    @Test(arguments: [2, 4])
    func outputParsesBackToTheSameData(indent: Int) throws {
        let text = YAMLEmitter.emit(Self.patch, indent: indent)
        let parsed = try YAMLFile(bytes: Array(text.utf8), path: "emitted")
        #expect(parsed.documents.first?.value == Self.patch)
    }

    @Test func awkwardStringsRoundTrip() throws {
        let strings = [
            "", " lead", "trail ", "- dash", "#hash", "a\tb", "x\n\n", "\n", "multi\nline", "null", "1.0",
            "0o7", "~", "é", "*", "key: v", "\u{7}",
        ]
        let value: YAMLValue = .mapping(
            strings.enumerated().map { YAMLPair(key: .string("k\($0.offset)"), value: .string($0.element)) })
        let text = YAMLEmitter.emit(value)
        #expect(try YAMLFile(bytes: Array(text.utf8), path: "s").documents.first?.value == value)
    }
}
