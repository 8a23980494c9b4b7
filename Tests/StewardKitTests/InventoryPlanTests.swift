import Foundation
import TestSupport
import Testing

/// `steward plan` on a GitOps repository with Kustomize overlays, Helm values, Flux and an
/// ApplicationSet: each change lands where its target alone reads it, Kustomize overlays get a
/// patch file, and `kubectl kustomize` shows exactly the intended change.
@Suite struct InventoryPlanTests {
    static let containerPath = "spec.template.spec.containers"

    @Test func writesEachChangeWhereOnlyItsTargetReadsIt() throws {
        let fixture = try GitOpsPlanFixture()
        let plan = try fixture.planJSON()
        // No CPU request of shop-prod's web or of catalog-prod changes: an HPA scales each on CPU
        // utilisation of the pod's requests, so the analysis holds them (krr#80).
        let base = "apps/shop/overlays/prod/steward-resources.yaml#0:"
        #expect(
            GitOpsPlanFixture.changes(plan) == [
                "apps/podinfo podinfod requests.cpu 100m->60m in-place flux/podinfo.yaml#0:spec.values.resources.requests.cpu",
                "apps/podinfo podinfod limits.memory unset->64Mi in-place "
                    + "flux/podinfo.yaml#0:spec.values.resources.limits.memory",
                "cart redis requests.cpu 0.5->0.345 in-place "
                    + "apps/cart/redis.yaml#0:\(Self.containerPath)[name=redis].resources.requests.cpu",
                "cart redis requests.memory 1G->576M in-place "
                    + "apps/cart/redis.yaml#0:\(Self.containerPath)[name=redis].resources.requests.memory",
                "cart redis limits.memory 1G->576M in-place "
                    + "apps/cart/redis.yaml#0:\(Self.containerPath)[name=redis].resources.limits.memory",
                "catalog-prod catalog requests.memory 128Mi->220Mi in-place "
                    + "charts/catalog/values-prod.yaml#0:resources.requests.memory",
                "catalog-prod catalog limits.memory 256Mi->220Mi in-place "
                    + "charts/catalog/values-prod.yaml#0:resources.limits.memory",
                "orders-eu orders requests.cpu 300m->115m overlay-patch apps/orders/overlays/eu/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.requests.cpu",
                "orders-eu orders requests.memory 512Mi->220Mi overlay-patch apps/orders/overlays/eu/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.requests.memory",
                "orders-eu orders limits.memory 512Mi->220Mi overlay-patch apps/orders/overlays/eu/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.limits.memory",
                "orders-us orders requests.cpu 300m->460m overlay-patch apps/orders/overlays/us/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.requests.cpu",
                "orders-us orders requests.memory 512Mi->439Mi overlay-patch apps/orders/overlays/us/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.requests.memory",
                "orders-us orders limits.memory 512Mi->439Mi overlay-patch apps/orders/overlays/us/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=orders].resources.limits.memory",
                "shop-prod app requests.memory 1Gi->384Mi overlay-patch "
                    + "\(base)\(Self.containerPath)[name=app].resources.requests.memory",
                "shop-prod app limits.memory 2Gi->384Mi in-place apps/shop/overlays/prod/memory.yaml#0:"
                    + "\(Self.containerPath)[name=app].resources.limits.memory",
                "shop-prod log-shipper requests.memory 64Mi->110Mi overlay-patch "
                    + "\(base)spec.template.spec.initContainers[name=log-shipper].resources.requests.memory",
                "shop-prod log-shipper limits.memory 128Mi->110Mi overlay-patch "
                    + "\(base)spec.template.spec.initContainers[name=log-shipper].resources.limits.memory",
                "shop-prod otel-agent requests.memory 100Mi->64Mi in-place apps/shop/components/tracing/agent.yaml#0:"
                    + "\(Self.containerPath)[name=otel-agent].resources.requests.memory",
                "shop-prod otel-agent limits.memory 100Mi->64Mi in-place apps/shop/components/tracing/agent.yaml#0:"
                    + "\(Self.containerPath)[name=otel-agent].resources.limits.memory",
                "tools-janitor janitor requests.cpu 200m->575m in-place tools/janitor/cronjob.yaml#0:"
                    + "spec.jobTemplate.\(Self.containerPath)[name=janitor].resources.requests.cpu",
                "tools-janitor janitor requests.memory 256Mi->330Mi in-place tools/janitor/cronjob.yaml#0:"
                    + "spec.jobTemplate.\(Self.containerPath)[name=janitor].resources.requests.memory",
                "tools-janitor janitor limits.memory unset->330Mi in-place tools/janitor/cronjob.yaml#0:"
                    + "spec.jobTemplate.\(Self.containerPath)[name=janitor].resources.limits.memory",
            ])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let app = try #require(
            findings.first { $0["id"] as? String == "rightsize/prod/shop/Deployment/web/app" })
        let changes = try #require(app["changes"] as? [[String: Any]])
        #expect(
            changes.map { $0["definedIn"] as? String ?? "-" } == ["apps/shop/base/web.yaml:37:23", "-"])
        #expect(
            (app["evidence"] as? [String: Any])?["held"] as? [String] == [
                "requests.cpu held: HorizontalPodAutoscaler web scales on 70 % CPU utilisation of the request; "
                    + "changing the request would move its target"
            ])
        let skipped = try #require(plan["skipped"] as? [[String: Any]])
        #expect(
            skipped.first { $0["container"] as? String == "metrics" }?["reason"] as? String
                == "cannot write: the template sets no resources; map it in inventory.helm of the configuration"
        )
    }

    /// Prod's overlay gets a patch file with only the fields Steward sets, referenced with the
    /// field the kustomization already uses; a values file gets its missing keys.
    @Test func writesPatchFilesAndReferencesThemWithMinimalEdits() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.apply(try fixture.planJSON())
        #expect(
            try fixture.read("apps/shop/overlays/prod/steward-resources.yaml") == """
                # Requests and limits set by Steward for this overlay. Edit freely: Steward keeps your edits.
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: log-shipper
                          resources:
                            requests:
                              memory: 110Mi
                            limits:
                              memory: 110Mi
                      containers:
                        - name: app
                          resources:
                            requests:
                              memory: 384Mi

                """)
        #expect(
            try fixture.read("apps/shop/overlays/prod/kustomization.yaml")
                == GitOpsFixture.files["apps/shop/overlays/prod/kustomization.yaml"]!.replacingOccurrences(
                    of: "      name: web\n", with: "      name: web\n  - path: steward-resources.yaml\n"))
        #expect(
            try fixture.read("apps/orders/overlays/us/kustomization.yaml")
                == GitOpsFixture.files["apps/orders/overlays/us/kustomization.yaml"]!
                + "- steward-resources.yaml\n")
        #expect(
            try fixture.read("apps/orders/overlays/eu/kustomization.yaml")
                == GitOpsFixture.files["apps/orders/overlays/eu/kustomization.yaml"]!
                + "patches:\n- path: steward-resources.yaml\n")
        #expect(
            try fixture.read("charts/catalog/values-prod.yaml") == """
                # Production overrides for catalog.
                replicaCount: 3

                resources:
                  requests:
                    cpu: 250m     # measured in March
                    memory: 220Mi
                  limits:
                    memory: 220Mi

                autoscaling:
                  enabled: true

                """)
        #expect(
            try fixture.read("charts/catalog/values.yaml") == GitOpsFixture.files[
                "charts/catalog/values.yaml"]!)
        #expect(
            try fixture.read("apps/shop/base/web.yaml") == GitOpsFixture.files["apps/shop/base/web.yaml"]!)
    }

    /// The resize for prod goes into prod's patch: kubectl renders prod with the new values and
    /// staging byte for byte as before.
    @Test func kubectlRendersProdChangedAndStagingUnchanged() throws {
        let fixture = try GitOpsPlanFixture()
        let before = try GitOpsFixture.kustomizations.map { try fixture.kustomize($0) }
        try fixture.apply(try fixture.planJSON())
        let after = try GitOpsFixture.kustomizations.map { try fixture.kustomize($0) }
        let changed = zip(GitOpsFixture.kustomizations, zip(before, after)).filter { $1.0 != $1.1 }.map(\.0)
        #expect(
            changed == [
                "apps/shop/overlays/prod", "apps/orders/overlays/eu", "apps/orders/overlays/us",
                "tools/janitor",
            ])
        let prod = after[1]
        #expect(
            prod.contains(
                """
                      - image: ghcr.io/example/shop-web:2.15.0
                        name: app
                        ports:
                        - containerPort: 8080
                        resources:
                          limits:
                            cpu: "2"
                            memory: 384Mi
                          requests:
                            cpu: 500m
                            memory: 384Mi
                """))
    }

    @Test func planningAgainAfterApplyingProposesNothing() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.apply(try fixture.planJSON())
        let again = try fixture.planJSON()
        #expect(GitOpsPlanFixture.changes(again).isEmpty)
        // The four containers whose CPU request an HPA holds stay findings (the hold is
        // reported), without a change; the other five are right-sized.
        #expect((again["unchanged"] as? [Any])?.count == 5)
        let holds = (again["findings"] as? [[String: Any]] ?? []).map {
            "\($0["target"]!) \($0["container"]!)"
        }
        #expect(
            holds == [
                "catalog-prod catalog", "shop-prod app", "shop-prod log-shipper", "shop-prod otel-agent",
            ])
        #expect(again["diff"] as? String == "")
    }

    /// The next resize of prod edits Steward's own patch file in place: only prod reads it.
    @Test func editsItsOwnPatchFileOnTheNextRun() throws {
        let fixture = try GitOpsPlanFixture()
        try fixture.apply(try fixture.planJSON())
        var usage = GitOpsFixture.usage
        // 500 MB × 1.15 = 548.4 MiB → 549Mi.
        usage[0].memoryMax = 500_000_000
        try fixture.directory.write("profiles.json", GitOpsFixture.profilesJSON(usage: usage))
        let plan = try fixture.planJSON()
        #expect(
            GitOpsPlanFixture.changes(plan) == [
                "shop-prod app requests.memory 384Mi->549Mi in-place apps/shop/overlays/prod/steward-resources.yaml#0:"
                    + "\(Self.containerPath)[name=app].resources.requests.memory",
                "shop-prod app limits.memory 384Mi->549Mi in-place apps/shop/overlays/prod/memory.yaml#0:"
                    + "\(Self.containerPath)[name=app].resources.limits.memory",
            ])
        #expect(
            plan["diff"] as? String == """
                diff --git a/apps/shop/overlays/prod/memory.yaml b/apps/shop/overlays/prod/memory.yaml
                index 9ca15db..0cc0b89 100644
                --- a/apps/shop/overlays/prod/memory.yaml
                +++ b/apps/shop/overlays/prod/memory.yaml
                @@ -10,4 +10,4 @@ spec:
                         - name: app
                           resources:
                             limits:
                -              memory: 384Mi
                +              memory: 549Mi
                diff --git a/apps/shop/overlays/prod/steward-resources.yaml b/apps/shop/overlays/prod/steward-resources.yaml
                index d39642a..cc3aadb 100644
                --- a/apps/shop/overlays/prod/steward-resources.yaml
                +++ b/apps/shop/overlays/prod/steward-resources.yaml
                @@ -17,4 +17,4 @@ spec:
                         - name: app
                           resources:
                             requests:
                -              memory: 384Mi
                +              memory: 549Mi

                """)
    }

    /// Two Applications deploy prod's overlay to two clusters: a change for one would change the
    /// other, so Steward refuses it and says why.
    @Test func refusesAnEditThatWouldChangeAnotherTarget() throws {
        var files = GitOpsFixture.files
        files["argocd/shop-eu.yaml"] = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: shop-prod-eu
            spec:
              source:
                path: apps/shop/overlays/prod
              destination:
                name: prod-eu
                namespace: shop

            """
        let fixture = try GitOpsPlanFixture(files: files)
        let plan = try fixture.planJSON()
        #expect(!GitOpsPlanFixture.changes(plan).contains { $0.hasPrefix("shop-prod ") })
        let skipped = try #require(plan["skipped"] as? [[String: Any]])
        let reasons = skipped.filter { $0["target"] as? String == "shop-prod" }.map {
            "\($0["container"] ?? "?"): \($0["reason"] ?? "?")"
        }
        #expect(
            reasons == [
                "app: the edit would also change target shop-prod-eu: shop/Deployment/web container app "
                    + "limits.memory would be 384Mi",
                "log-shipper: the edit would also change target shop-prod-eu: shop/Deployment/web "
                    + "container log-shipper limits.memory would be 110Mi",
                "otel-agent: the edit would also change target shop-prod-eu: shop/Deployment/web "
                    + "container otel-agent limits.memory would be 64Mi",
            ])
        #expect(!(plan["diff"] as? String ?? "").contains("apps/shop/"))
    }

    /// The policy decides on the rendered workload: its namespace comes from the overlay, not from
    /// the base where the value is defined, and a Helm values file is judged as the chart's
    /// container field.
    @Test func thePolicyJudgesTheRenderedWorkload() throws {
        var files = GitOpsFixture.files
        files["policies/steward.yaml"] = """
            apiVersion: steward.dev/v1
            kind: Policy
            metadata: {name: shop-and-catalog}
            spec:
              rules:
                - name: shop-and-catalog
                  match: {namespaces: [shop, catalog]}
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.memory
                      maxDecreasePercent: 50

            """
        let fixture = try GitOpsPlanFixture(files: files)
        let plan = try fixture.planJSON()
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let decisions = findings.flatMap { finding in
            (finding["changes"] as? [[String: Any]] ?? []).compactMap { change -> String? in
                guard change["field"] as? String == "requests.memory",
                    let decision = change["decision"] as? [String: Any]
                else { return nil }
                return "\(finding["target"]!) \(finding["container"]!) \(decision["outcome"]!) "
                    + "\(decision["value"] as? String ?? "-") \(change["file"]!)"
            }
        }
        #expect(
            decisions == [
                "cart redis rejected - apps/cart/redis.yaml",
                "catalog-prod catalog allowed 220Mi charts/catalog/values-prod.yaml",
                "orders-eu orders rejected - apps/orders/overlays/eu/steward-resources.yaml",
                "orders-us orders rejected - apps/orders/overlays/us/steward-resources.yaml",
                "shop-prod app clamped 512Mi apps/shop/overlays/prod/steward-resources.yaml",
                "shop-prod log-shipper rejected - apps/shop/overlays/prod/steward-resources.yaml",
                "shop-prod otel-agent allowed 64Mi apps/shop/components/tracing/agent.yaml",
                "tools-janitor janitor rejected - tools/janitor/cronjob.yaml",
            ])
        try fixture.apply(plan)
        #expect(
            try fixture.read("apps/shop/overlays/prod/steward-resources.yaml").contains("memory: 512Mi\n"))
        #expect(
            try fixture.read("apps/orders/overlays/eu/kustomization.yaml")
                == files["apps/orders/overlays/eu/kustomization.yaml"])
    }

    /// Broken targets are reported with their file and line; every other target is planned as
    /// if they were not there. Only the file that is not valid YAML fails the command: the
    /// others are targets Steward cannot render, which no one may be able to change.
    @Test func reportsBrokenTargetsAndPlansTheRest() throws {
        let clean = try GitOpsPlanFixture().planJSON()
        let fixture = try GitOpsPlanFixture(files: GitOpsFixture.brokenFiles)
        let output = try fixture.plan()
        #expect(output.status == 1)
        #expect(
            output.stderr
                == "steward: error: apps/broken/unparsable/deployment.yaml:4:9: unclosed double-quoted scalar: "
                + "missing closing \": not valid YAML; the rest was planned\n")
        #expect(
            output.text.contains(
                """
                Errors:
                  target broken-cycle: apps/broken/cycle-b/kustomization.yaml:2:5: cycle between kustomizations: \
                apps/broken/cycle-a -> apps/broken/cycle-b -> apps/broken/cycle-a
                  target broken-missing: apps/broken/missing/kustomization.yaml:3:5: 'service.yaml' does not exist
                  target broken-path: argocd/broken.yaml:27:11: path 'apps/does-not-exist' does not exist in the repository
                  target broken-remote: apps/broken/remote/kustomization.yaml:2:5: \
                remote base 'github.com/example/platform//base?ref=v1.2.0' is not supported
                  target broken-unparsable: apps/broken/unparsable/deployment.yaml:4:9: \
                unclosed double-quoted scalar: missing closing "
                      name: "half
                            ^

                Warnings:
                  argocd/matrix.yaml:7:7: ApplicationSet everywhere: the `matrix` generator is not supported \
                (only list and git directories are)
                  target catalog-prod: charts/catalog/templates/worker.yaml:17:1: container metrics of \
                Deployment catalog-prod-worker: the template sets no resources; map it in inventory.helm of the configuration

                """))
        #expect(
            output.text.contains(
                "\n22 changes in 12 files, 0 containers already right-sized, 8 skipped, 5 errors, 2 warnings\n"
            ))
        let plan = try fixture.planJSON(status: 1)
        #expect(GitOpsPlanFixture.changes(plan) == GitOpsPlanFixture.changes(clean))
        #expect(plan["diff"] as? String == clean["diff"] as? String)
        let errors = try #require(plan["errors"] as? [[String: Any]])
        let missing = try #require(errors.first { $0["target"] as? String == "broken-missing" })
        #expect(missing["file"] as? String == "apps/broken/missing/kustomization.yaml")
        #expect(missing["line"] as? Int == 3)
        #expect(missing["column"] as? Int == 5)
        #expect(missing["blocksWrites"] as? Bool == true)
        #expect(errors.first { $0["target"] is NSNull }?["blocksWrites"] as? Bool == false)
    }
}
