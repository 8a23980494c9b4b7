import Testing
import YAMLSyntax

/// Edits pin the exact output bytes.
@Suite struct EditTests {
    private func apply(_ source: String, _ edits: [YAMLEdit]) throws -> String {
        try YAMLFile(bytes: Array(source.utf8), path: "in.yaml").applying(edits).bytes.text
    }

    private func set(_ path: String, _ value: String, document: Int = 0) throws -> YAMLEdit {
        .set(document: document, path: try YAMLPath(parsing: path), value: value)
    }

    @Test func valueFollowedByComment() throws {
        let out = try apply("cpu: 100m   # keep me\nmemory: 1Gi\n", [try set("cpu", "250m")])
        #expect(out == "cpu: 250m   # keep me\nmemory: 1Gi\n")
    }

    @Test func quotedValuesKeepTheirQuotes() throws {
        let source = "a: \"500m\"\nb: 'x'\nc: plain\n"
        let out = try apply(source, [try set("a", "1"), try set("b", "it's"), try set("c", "2")])
        #expect(out == "a: \"1\"\nb: 'it''s'\nc: \"2\"\n")
    }

    @Test func numbersStayPlainWhereTheyWereNumbers() throws {
        let out = try apply("cpu: 1\nreplicas: 3\n", [try set("cpu", "500m"), try set("replicas", "4")])
        #expect(out == "cpu: 500m\nreplicas: 4\n")
    }

    @Test func valueInAFlowMapping() throws {
        let source = "resources: {cpu: 100m, memory: 128Mi}\n"
        let out = try apply(source, [try set("resources.memory", "256Mi"), try set("resources.cpu", "a, b")])
        #expect(out == "resources: {cpu: \"a, b\", memory: 256Mi}\n")
    }

    @Test func keyInsertedIntoAFlowMapping() throws {
        let out = try apply(
            "limits: {cpu: 100m}\nempty: {}\n", [try set("limits.memory", "1Gi"), try set("empty.a.b", "c")])
        #expect(out == "limits: {cpu: 100m, memory: 1Gi}\nempty: {a: {b: c}}\n")
    }

    @Test func fourSpaceFileGetsFourSpaceInsertions() throws {
        let source = """
            spec:
                containers:
                    -   name: app
                        image: nginx

            """
        let out = try apply(source, [try set("spec.containers[name=app].resources.limits.memory", "512Mi")])
        #expect(
            out == """
                spec:
                    containers:
                        -   name: app
                            image: nginx
                            resources:
                                limits:
                                    memory: 512Mi

                """)
    }

    @Test func compactAndWideSequencesInOneFile() throws {
        let source = """
            compact:
            - name: a
              cpu: 1
            wide:
              - name: b
                cpu: 2

            """
        let out = try apply(
            source,
            [
                try set("compact[name=a].cpu", "100m"), try set("wide[name=b].cpu", "200m"),
                try set("compact[0].memory", "1Gi"), try set("wide[0].memory", "2Gi"),
            ])
        #expect(
            out == """
                compact:
                - name: a
                  cpu: 100m
                  memory: 1Gi
                wide:
                  - name: b
                    cpu: 200m
                    memory: 2Gi

                """)
    }

    @Test func crlfStaysCRLF() throws {
        let source = "a:\r\n  b: 1 # x\r\n  c: 2\r\n"
        let out = try apply(source, [try set("a.b", "3"), try set("a.d.e", "4")])
        #expect(out == "a:\r\n  b: 3 # x\r\n  c: 2\r\n  d:\r\n    e: 4\r\n")
    }

    @Test func keyInsertedBeforeTheCommentBlockOfTheNextKey() throws {
        let source = """
            resources:
              limits:
                cpu: 1

              # Requests are what the scheduler reserves.
              # Keep them below the limits.
              requests:
                cpu: 500m

            """
        let out = try apply(source, [try set("resources.limits.memory", "1Gi")])
        #expect(
            out == """
                resources:
                  limits:
                    cpu: 1
                    memory: 1Gi

                  # Requests are what the scheduler reserves.
                  # Keep them below the limits.
                  requests:
                    cpu: 500m

                """)
    }

    @Test func wholeMissingBlockIsInserted() throws {
        let source = """
            containers:
              - name: app
                image: nginx # pinned
              - name: log
                image: busybox
            """
        let out = try apply(
            source,
            [
                try set("containers[name=app].resources.requests.cpu", "100m"),
                try set("containers[name=app].resources.requests.memory", "64Mi"),
            ])
        #expect(
            out == """
                containers:
                  - name: app
                    image: nginx # pinned
                    resources:
                      requests:
                        cpu: 100m
                        memory: 64Mi
                  - name: log
                    image: busybox
                """)
    }

    @Test func keyInsertedUnderANullValue() throws {
        let out = try apply("resources: # none yet\nname: x\n", [try set("resources.limits.cpu", "1")])
        #expect(out == "resources: # none yet\n  limits:\n    cpu: 1\nname: x\n")
    }

    @Test func byteOrderMarkIsNotIndentation() throws {
        #expect(try apply("\u{FEFF}a: 1\n", [try set("b.c", "2")]) == "\u{FEFF}a: 1\nb:\n  c: 2\n")
        #expect(
            try apply("\u{FEFF}a: 1\nb: 2\n", [.delete(document: 0, path: try YAMLPath(parsing: "a"))])
                == "\u{FEFF}b: 2\n")
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try apply("a:\n  b: 1", [try set("a.c", "2")]) == "a:\n  b: 1\n  c: 2")
        #expect(try apply("a: 1", [try set("a", "2")]) == "a: 2")
    }

    @Test func multiDocumentFile() throws {
        let source = """
            # leading comment
            kind: Service
            metadata: {name: web}
            ---
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
            ...

            """
        let out = try apply(
            source,
            [try set("spec.replicas", "3", document: 1), try set("metadata.name", "api", document: 0)])
        #expect(
            out == """
                # leading comment
                kind: Service
                metadata: {name: api}
                ---
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
                ...

                """)
    }

    @Test func literalBlockStaysLiteral() throws {
        let out = try apply("script: |\n  echo a\n  echo b\nnext: 1\n", [try set("script", "echo c\n")])
        #expect(out == "script: |\n  echo c\nnext: 1\n")
    }

    @Test func keyInsertedAfterAKeptBlockScalar() throws {
        let source = "job:\n  script: |+\n    run\n\n\nother: 1\n"
        #expect(
            try apply(source, [try set("job.retries", "3")])
                == "job:\n  script: |+\n    run\n\n\n  retries: 3\nother: 1\n")
        let clipped = "job:\n  script: |\n    run\n\nother: 1\n"
        #expect(
            try apply(clipped, [try set("job.retries", "3")])
                == "job:\n  script: |\n    run\n  retries: 3\n\nother: 1\n")
    }

    @Test func insertionsInKubernetesShapes() throws {
        let source = """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    env:
                    - name: A
                      value: b
                    resources: {}
                  - name: side
                    ports: [{containerPort: 80,
                      protocol: TCP}]
            # end of the deployment
            ---
            kind: Service

            """
        let edits = [
            try set("spec.template.spec.containers[name=app].resources.limits.cpu", "1"),
            try set("spec.template.spec.containers[name=side].resources.requests.memory", "64Mi"),
            try set("spec.replicas", "2"),
        ]
        #expect(
            try apply(source, edits) == """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        env:
                        - name: A
                          value: b
                        resources: {limits: {cpu: 1}}
                      - name: side
                        ports: [{containerPort: 80,
                          protocol: TCP}]
                        resources:
                          requests:
                            memory: 64Mi
                  replicas: 2
                # end of the deployment
                ---
                kind: Service

                """)
    }

    @Test func deleteKeys() throws {
        let source = "a: 1\nb:\n  c: 2 # gone\n  d: 3\ne: {f: 1, g: 2}\nl:\n- name: x\n  v: 1\n"
        let edits: [YAMLEdit] = [
            .delete(document: 0, path: try YAMLPath(parsing: "b.c")),
            .delete(document: 0, path: try YAMLPath(parsing: "e.f")),
            .delete(document: 0, path: try YAMLPath(parsing: "l[0].name")),
        ]
        #expect(try apply(source, edits) == "a: 1\nb:\n  d: 3\ne: {g: 2}\nl:\n- v: 1\n")
        #expect(
            try apply("a:\n  only: 1\n", [.delete(document: 0, path: try YAMLPath(parsing: "a.only"))])
                == "a:\n  {}\n")
    }

    @Test func emptyValueGetsAValue() throws {
        #expect(try apply("a:\nb: 2\n", [try set("a", "1")]) == "a: 1\nb: 2\n")
    }

    @Test func refusals() throws {
        let file = try YAMLFile(
            bytes: Array("a:\n  b: 1\nx: &anchor 1\ny: *anchor\nlist: [1, 2]\n".utf8), path: "in.yaml")
        func refusal(_ edit: YAMLEdit) -> String {
            do {
                _ = try file.applying([edit])
                return "applied"
            } catch {
                return error.description
            }
        }
        #expect(refusal(try set("a", "1")) == "in.yaml:2:3: 'a' is a mapping, not a scalar\n  b: 1\n  ^")
        #expect(
            refusal(try set("x", "2"))
                == "in.yaml:3:12: the edit would change y: 1 -> 2, which no edit asked for; nothing was written\nx: &anchor 1\n           ^"
        )
        #expect(
            refusal(try set("list[5]", "2"))
                == "in.yaml:5:7: 'list[5]' does not exist: the sequence has 2 items\nlist: [1, 2]\n      ^")
        #expect(
            refusal(try set("list.key", "2"))
                == "in.yaml:5:7: cannot add 'key' under 'list': it holds a sequence, not a mapping\nlist: [1, 2]\n      ^"
        )
        #expect(
            refusal(try set("a.b", "1", document: 3))
                == "in.yaml:1:1: document 3 does not exist (the file has 1)\na:\n^")
        #expect(file.bytes.text.hasPrefix("a:\n  b: 1\n"))
    }

    @Test func editsChangeOnlyTheirBytesAcrossTheCorpus() throws {
        var edited = 0
        for (name, bytes) in try SharedData.corpusFiles() {
            let file = try YAMLFile(bytes: bytes, path: name)
            for document in file.documents {
                for (path, node) in document.scalarPaths.prefix(3) where node.kind == .scalar && !node.isEmpty
                {
                    let result = try file.applying([
                        .set(document: document.index, path: path, value: "steward-edit")
                    ])
                    let range = node.byteRange
                    let out = result.bytes
                    let suffix = bytes.count - range.upperBound
                    #expect(
                        Array(out.prefix(range.lowerBound)) == Array(bytes.prefix(range.lowerBound)),
                        "\(name) \(path)")
                    #expect(Array(out.suffix(suffix)) == Array(bytes.suffix(suffix)), "\(name) \(path)")
                    #expect(result.documents[document.index].node(at: path)?.scalar == "steward-edit")
                    edited += 1
                }
            }
        }
        #expect(edited > 500)
    }
}
