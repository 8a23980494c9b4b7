import Testing
import YAMLSyntax

@Suite struct PathTests {
    @Test func parsesAndPrintsBack() throws {
        let texts = [
            "spec.template.spec.containers[name=app].resources.limits.memory",
            "metadata.labels[\"app.kubernetes.io/name\"]",
            "[0].a",
            "items[*].b",
            "a[\"x=y\"][\"with \\\"quote\\\"\"]",
            "list[3][2]",
            "env[name=\"a]b\"].value",
            "env[name=A B].value",
            "a[\"\"].b",
        ]
        for text in texts {
            let path = try YAMLPath(parsing: text)
            #expect(path.description == text)
            #expect(try YAMLPath(parsing: path.description) == path)
        }
        #expect(
            try YAMLPath(parsing: "a.b[name=app].c").components == [
                .key("a"), .key("b"), .match(key: "name", value: "app"), .key("c"),
            ])
        #expect(try YAMLPath(parsing: "").components.isEmpty)
    }

    @Test func concretePathsAndPrefixes() throws {
        let path = try YAMLPath(parsing: "spec.containers[0].resources")
        #expect(path.isConcrete)
        #expect(try !YAMLPath(parsing: "spec.containers[name=app]").isConcrete)
        #expect(try !YAMLPath(parsing: "spec.containers[*]").isConcrete)
        #expect(try YAMLPath(parsing: "spec.containers").isPrefix(of: path))
        #expect(path.isPrefix(of: path))
        #expect(try !YAMLPath(parsing: "spec.volumes").isPrefix(of: path))
        #expect(try !path.isPrefix(of: YAMLPath(parsing: "spec")))
    }

    @Test func rejectsMalformedPaths() {
        let cases: [(String, String)] = [
            ("a..b", "invalid path 'a..b' at 3: empty key"),
            ("a[1", "invalid path 'a[1' at 4: missing ']' to close the '[' at 2"),
            ("a[\"x]", "invalid path 'a[\"x]' at 3: unclosed quote"),
            ("a]", "invalid path 'a]' at 2: unexpected ']' in a key; write [\"key\"] for such keys"),
            ("a[]", "invalid path 'a[]' at 3: empty key"),
        ]
        for (text, message) in cases {
            #expect(throws: YAMLPathError.self) { try YAMLPath(parsing: text) }
            do {
                _ = try YAMLPath(parsing: text)
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func resolvesNodes() throws {
        let source = """
            spec:
              containers:
              - name: app
                env: [{name: A, value: "1"}]
              - name: side
            metadata:
              labels: {app.kubernetes.io/name: web}

            """
        let document = try #require(try YAMLFile(bytes: Array(source.utf8), path: "p").documents.first)
        #expect(
            document.node(at: try YAMLPath(parsing: "spec.containers[name=app].env[name=A].value"))?.scalar
                == "1")
        #expect(
            document.node(at: try YAMLPath(parsing: "metadata.labels[\"app.kubernetes.io/name\"]"))?.scalar
                == "web")
        #expect(document.node(at: try YAMLPath(parsing: "spec.containers[1].name"))?.scalar == "side")
        #expect(document.node(at: try YAMLPath(parsing: "spec.containers[2]")) == nil)
        let all = document.nodes(at: try YAMLPath(parsing: "spec.containers[*].name"))
        #expect(all.map(\.path.description) == ["spec.containers[0].name", "spec.containers[1].name"])
        #expect(all.map { $0.node.scalar } == ["app", "side"])
        let matched = document.nodes(at: try YAMLPath(parsing: "spec.containers[name=side]"))
        #expect(matched.map(\.path.description) == ["spec.containers[1]"])
    }

    @Test func selectsDocuments() throws {
        let source =
            "kind: Service\nmetadata: {name: web}\n---\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n"
        let documents = try YAMLFile(bytes: Array(source.utf8), path: "s").documents
        let selector = try DocumentSelector(parsing: "kind=Deployment,name=web")
        #expect(documents.filter(selector.matches).map(\.index) == [1])
        #expect(documents.filter(try DocumentSelector(parsing: "name=web").matches).map(\.index) == [0, 1])
        #expect(
            documents.filter(try DocumentSelector(parsing: "metadata.namespace=shop").matches).map(\.index)
                == [1])
        #expect(throws: YAMLPathError.self) { try DocumentSelector(parsing: "kind") }
        #expect(throws: YAMLPathError.self) { try DocumentSelector(parsing: "") }
    }
}
