import Kubernetes
import Policy
import Testing
import YAMLSyntax

/// The scope check on the bytes: every changed leaf must be a workload's resources field that
/// the policy allows with exactly that value.
@Suite struct ScopeCheckTests {
    static let manifest = """
        # Storefront web tier.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/web:2.14.1
                  resources:
                    requests:
                      cpu: 500m   # sized for Black Friday
                      memory: 1Gi
                    limits:
                      cpu: "1"
                      memory: 1024Mi
                - name: sidecar
                  image: envoyproxy/envoy:v1.31.0

        """

    static let policyBody = """
          rules:
            - name: web
              match: {namespaces: [shop]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                  min: 10m
                - path: spec.template.spec.containers[*].resources.requests.memory
                  min: 64Mi
                - path: spec.template.spec.containers[*].resources.limits.memory
                  min: 64Mi
                  maxDecreasePercent: 50

        """

    /// Checks the manifest against `edited`, with the replacements applied to the text.
    static func check(
        _ replacements: [(String, String)], path: String = "apps/web.yaml", before: String = manifest,
        actions: Set<PolicyAction> = [.rightsize]
    ) throws -> ScopeReport {
        var after = before
        for (old, new) in replacements {
            let range = try #require(after.range(of: old), "fixture lacks \(old)")
            after.replaceSubrange(range, with: new)
        }
        let check = ScopeCheck(policy: try Fixtures.policy(policyBody), cluster: "prod", actions: actions)
        return check.check([ChangedFile(path: path, before: Array(before.utf8), after: Array(after.utf8))])
    }

    @Test func allowedResourceChangesPass() throws {
        let report = try Self.check([
            ("cpu: 500m   # sized for Black Friday", "cpu: 180m   # right-sized by Steward"),
            ("memory: 1Gi", "memory: 600Mi"),
        ])
        #expect(report.violations == [])
        #expect(report.isWithinPolicy)
        #expect(
            report.fields.map {
                "\($0.location) \($0.field.path) \($0.old?.text ?? "-")->\($0.new?.text ?? "-") \($0.decision)"
            }
                == [
                    "spec.template.spec.containers[0].resources.requests.cpu "
                        + "spec.template.spec.containers[name=app].resources.requests.cpu 500m->180m allowed (rule web)",
                    "spec.template.spec.containers[0].resources.requests.memory "
                        + "spec.template.spec.containers[name=app].resources.requests.memory 1Gi->600Mi allowed (rule web)",
                ])
        #expect(
            report.fields.first?.field.subject.workload
                == WorkloadReference(cluster: "prod", namespace: "shop", kind: "Deployment", name: "web"))
    }

    @Test func aChangeOfTheImageIsAViolation() throws {
        let report = try Self.check([
            ("cpu: 500m", "cpu: 180m"), ("web:2.14.1", "web:2.15.0"),
        ])
        #expect(
            report.violations.map(\.description) == [
                "apps/web.yaml[0] spec.template.spec.containers[0].image: not a container resources field of a "
                    + "workload (ghcr.io/example/web:2.14.1 -> ghcr.io/example/web:2.15.0)"
            ])
        #expect(report.fields.count == 1)
    }

    @Test func fieldsAndValuesThePolicyRefusesAreViolations() throws {
        let report = try Self.check([
            ("cpu: \"1\"", "cpu: 500m"), ("memory: 1024Mi", "memory: 256Mi"),
            ("replicas: 3", "replicas: 2"),
        ])
        #expect(
            report.violations.map(\.description) == [
                "apps/web.yaml[0] spec.replicas: not a container resources field of a workload (3 -> 2)",
                "apps/web.yaml[0] spec.template.spec.containers[0].resources.limits.cpu: \"1\" -> 500m is not allowed: "
                    + "rejected: the rule does not allow changing "
                    + "spec.template.spec.containers[name=app].resources.limits.cpu (rule web)",
                "apps/web.yaml[0] spec.template.spec.containers[0].resources.limits.memory: 1024Mi -> 256Mi is out of "
                    + "bounds: maxDecreasePercent 50 of 1024Mi allows at most a change to 512Mi (rule web)",
            ])
    }

    @Test func aResourcesBlockAddedAtOnceIsJudgedValueByValue() throws {
        let added = """
            image: envoyproxy/envoy:v1.31.0
                      resources:
                        requests: {cpu: 10m, memory: 64Mi}
                        limits: {memory: 32Mi}
            """
        let report = try Self.check([("image: envoyproxy/envoy:v1.31.0", added)])
        #expect(
            report.fields.map {
                "\($0.field.container) \($0.field.path.components.suffix(3).map { "\($0)" })"
            }.count == 3)
        #expect(
            report.violations.map(\.description) == [
                "apps/web.yaml[0] spec.template.spec.containers[1].resources.limits.memory: (absent) -> 32Mi is out "
                    + "of bounds: min 64Mi allows at most a change to 64Mi (rule web)"
            ])
    }

    @Test func theOptOutAnnotationInForceBeforeTheChangeCounts() throws {
        let optedOut = Self.manifest.replacingOccurrences(
            of: "namespace: shop\n", with: "namespace: shop\n  annotations: {steward.dev/ignore: \"true\"}\n")
        let report = try Self.check([("cpu: 500m", "cpu: 180m")], before: optedOut)
        #expect(
            report.violations.map(\.message) == [
                "500m -> 180m is not allowed: rejected: opted out with the annotation steward.dev/ignore: \"true\""
            ])
        let removal = try Self.check(
            [("  annotations: {steward.dev/ignore: \"true\"}\n", "")], before: optedOut)
        #expect(
            removal.violations.map(\.description) == [
                "apps/web.yaml[0] metadata.annotations[\"steward.dev/ignore\"]: not a container resources field "
                    + "of a workload (\"true\" -> (absent))"
            ])
    }

    @Test func reorderedOrRenamedContainersAreViolations() throws {
        let renamed = try Self.check([("- name: app", "- name: web"), ("cpu: 500m", "cpu: 180m")])
        #expect(
            renamed.violations.map(\.description) == [
                "apps/web.yaml[0] spec.template.spec.containers[0].name: not a container resources field of a "
                    + "workload (app -> web)",
                "apps/web.yaml[0] spec.template.spec.containers[0].resources.requests.cpu: not a container "
                    + "resources field of a workload (500m -> 180m)",
            ])
    }

    @Test func commentsAndQuotingAloneChangeNothing() throws {
        let report = try Self.check([
            ("# sized for Black Friday", "# still sized for Black Friday"), ("cpu: 500m", "cpu: \"500m\""),
        ])
        #expect(report.fields.isEmpty)
        #expect(report.violations.isEmpty)
    }

    @Test func filesThatAreNotManifestsOrThatAppearOrVanishAreViolations() throws {
        let check = ScopeCheck(
            policy: try Fixtures.policy(Self.policyBody), cluster: "prod", actions: [.rightsize])
        let manifest = Array(Self.manifest.utf8)
        let broken = Array(Self.manifest.replacingOccurrences(of: "name: web", with: "name: \"web").utf8)
        let report = check.check([
            ChangedFile(path: "README.md", before: [], after: Array("hi".utf8)),
            ChangedFile(path: "apps/new.yaml", before: nil, after: manifest),
            ChangedFile(path: "apps/old.yaml", before: manifest, after: nil),
            ChangedFile(path: "apps/broken.yaml", before: manifest, after: broken),
            ChangedFile(
                path: "apps/more.yaml", before: manifest,
                after: manifest + Array("---\nkind: ConfigMap\n".utf8)),
        ])
        #expect(
            report.violations.map(\.description) == [
                "README.md: not a YAML manifest; the bot changes only manifests",
                "apps/broken.yaml: does not parse after the change: 6:3: a continuation line of a quoted scalar must "
                    + "be indented more than its block (column 3)",
                "apps/more.yaml: documents are added or removed (1 before, 2 after)",
                "apps/new.yaml: the file is added",
                "apps/old.yaml: the file is deleted",
            ])
    }

    @Test func changesInOtherDocumentsOfTheFileAreViolations() throws {
        let file =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {LEVEL: info}\n---\n"
            + Self.manifest
        let report = try Self.check(
            [("LEVEL: info", "LEVEL: debug"), ("cpu: 500m", "cpu: 180m")], before: file)
        #expect(
            report.violations.map(\.description) == [
                "apps/web.yaml[0] data.LEVEL: not a container resources field of a workload (info -> debug)"
            ])
        #expect(report.fields.map(\.document) == [1])
    }

    @Test func valuesThatAreNotQuantitiesAreViolations() throws {
        let report = try Self.check([("cpu: 500m", "cpu: lots")])
        #expect(
            report.violations.map(\.message) == ["not a Kubernetes quantity (500m -> lots)"])
    }

    @Test func anotherResolverPlugsInForHelmValues() throws {
        let values = "web:\n  image: {tag: 2.14.1}\n  resources:\n    requests: {cpu: 500m}\n"
        let edited = "web:\n  image: {tag: 2.15.0}\n  resources:\n    requests: {cpu: 200m}\n"
        let check = ScopeCheck(
            policy: try Fixtures.policy(Self.policyBody), cluster: "prod", actions: [.rightsize],
            resolver: ValuesResolver())
        let report = check.check([
            ChangedFile(path: "charts/web/values.yaml", before: Array(values.utf8), after: Array(edited.utf8))
        ])
        #expect(
            report.fields.map { "\($0.field.path) \($0.decision)" } == [
                "spec.template.spec.containers[name=app].resources.requests.cpu allowed (rule web)"
            ])
        #expect(
            report.violations.map(\.description) == [
                "charts/web/values.yaml[0] web.image.tag: not a container resources field of a workload "
                    + "(2.14.1 -> 2.15.0)"
            ])
    }
}

/// A chart whose values file sets `<release>.resources.*` for container `app` of Deployment
/// `<release>` in `shop`: what the inventory's Helm resolver provides for real charts.
private struct ValuesResolver: FieldResolver {
    func resolve(_ location: DocumentLocation, cluster: String) -> ResolvedField? {
        let keys = location.path.components.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        guard location.file == "charts/web/values.yaml", keys.count == 4, keys[1] == "resources" else {
            return nil
        }
        return ResolvedField(
            subject: PolicySubject(
                workload: WorkloadReference(
                    cluster: cluster, namespace: "shop", kind: "Deployment", name: keys[0])),
            container: "app",
            path: try! YAMLPath(
                parsing: "spec.template.spec.containers[name=app].resources.\(keys[2]).\(keys[3])"))
    }
}
