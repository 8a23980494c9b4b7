import Foundation
import GitStore
import PlanFixtures
import StewardPlanner
import StewardVerify
import TestSupport
import Testing

@testable import StewardPublisher

/// The pull-request body: the bundled template rendered byte for byte, the template file and its
/// bundled copy in step, and a template that does not parse.
@Suite struct PullRequestBodyTests {
    @Test func theBundledTemplateRendersTheShopsPullRequestByteForByte() async throws {
        let directory = try TemporaryDirectory("steward-body")
        let (plan, profiles) = try await ShopRepository.plan(in: directory)
        let group = try #require(Grouping.namespace.groups(of: plan, branchPrefix: "steward/").last)
        #expect(group.branch == "steward/shop")
        let ids = ["3c71b8800a1e0f37a0a3e1c2d1f0c1b2a3b4c5d6", "02f2030e9d8c7b6a5f4e3d2c1b0a998877665544"]
        let branch = BuiltBranch(
            group: group,
            commits: zip(group.findings, ids).map { finding, id in
                BuiltBranch.Commit(
                    id: ObjectID(hex: id)!, finding: finding,
                    message: BotCommitMessage(
                        subject: "", body: "", finding: finding.finding.id, evidence: "", policyRule: "apps",
                        policyPath: "policies/steward.yaml", policyBlob: "", run: ""),
                    note: "")
            })
        let composer = PullRequestComposer(
            plan: plan, profiles: profiles,
            source: "Prometheus at http://prometheus.monitoring:9090, step 5m",
            policyBlob: "1e7379b0a3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8", base: "main", grouping: .namespace,
            run: "2026-11-27T01:00:00Z-7f3a")
        #expect(composer.title(branch) == "steward: right-size 2 containers in namespace shop")
        let body = PullRequestTemplate.bundled.render(composer.context(branch))
        #expect(body == Self.expectedShopBody)
    }

    @Test func theBundledCopyMatchesTemplatesPullRequestMustache() throws {
        let file = PackagePaths.root.appendingPathComponent("templates/pull-request.md.mustache")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text == BundledTemplates.pullRequest,
            "templates/pull-request.md.mustache changed: run scripts/bundle-templates")
    }

    @Test func aTemplateThatDoesNotParseIsReportedWithItsPosition() throws {
        let error = try #require(throws: StewardError.self) {
            try PullRequestTemplate(
                "# {{title}}\n\n{{#changes}}\n| {{field}} |\n", origin: ".steward/pull-request.md.mustache")
        }
        #expect(
            error.message
                == ".steward/pull-request.md.mustache:5:1: the pull-request template does not parse: a section is not "
                + "closed (a {{/name}} is missing)\n\n^")
    }

    static let expectedShopBody = #"""
        Steward proposes 6 changes to 2 containers in namespace shop, sized from what cluster `prod` used over the last 7 days (2026-11-20 to 2026-11-27 UTC).

        ## Summary

        | Workload | Container | Field | Current | Proposed | Policy |
        |---|---|---|---|---|---|
        | shop/Deployment/cart | app | cpu request | 300m | **115m** | allowed (rule apps) |
        | shop/Deployment/cart | app | memory request | 512Mi | **286Mi** | allowed (rule apps) |
        | shop/Deployment/cart | app | memory limit | unset | **286Mi** | allowed (rule apps) |
        | shop/Deployment/web | app | cpu request | 500m | **180m** | allowed (rule apps) |
        | shop/Deployment/web | app | memory request | 1Gi | **384Mi** | allowed (rule apps) |
        | shop/Deployment/web | app | memory limit | 1Gi | **384Mi** | allowed (rule apps) |

        **Requests per pod:** CPU −505m, memory −866.0 MiB (freed for other workloads)

        ## Usage per container

        ### shop/Deployment/cart · container `app`

        `apps/shop/cart.yaml`, commit 3c71b88

        | usage | p50 | p95 | p99 | peak | samples |
        |---|---|---|---|---|---|
        | CPU (cores) | 0.05 | 0.1 | 0.12 | 0.2 | 6048 |
        | memory (MiB) | 190.7 | 228.9 | – | 248.0 | 6048 |

        OOM kills: 0 · restarts: 0 · CPU throttling: 1% · window: 7 days

        ### shop/Deployment/web · container `app`

        `apps/shop/web.yaml`, commit 02f2030

        | usage | p50 | p95 | p99 | peak | samples |
        |---|---|---|---|---|---|
        | CPU (cores) | 0.082 | 0.156 | 0.201 | 0.344 | 6048 |
        | memory (MiB) | 291.0 | 322.0 | – | 333.9 | 6048 |

        OOM kills: 0 · restarts: 0 · CPU throttling: 0% · window: 7 days

        ```mermaid
        xychart-beta
            title "shop/web app: memory (MiB)"
            x-axis "days since 2026-11-20" 0 --> 7
            y-axis "MiB" 0 --> 1152
            line [272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9, 272.9, 281.6, 290.3, 299.1, 307.8, 316.5, 325.2, 333.9]
            line [1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0, 1024.0]
            line [384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0, 384.0]
        ```

        The lines: memory used (3-hour peaks), the current limit (1024.0 MiB), the proposed limit (384.0 MiB).

        ## Policy

        Policy `policies/steward.yaml` (fixture) at blob 1e7379b: 6 allowed, 0 clamped.

        ## Evidence

        Each commit carries its evidence record (window, usage profile, queries, the policy's decisions) as a Git note on `refs/notes/steward`; its `Steward-Evidence` trailer is the record's SHA-256.

        Usage came from Prometheus at http://prometheus.monitoring:9090, step 5m.

        <details><summary>PromQL queries</summary>

        ```promql
        max by (namespace, pod, container) (container_memory_working_set_bytes{container!=""})
        ```

        </details>

        ```console
        $ git fetch origin steward/shop refs/notes/steward:refs/notes/steward
        $ git notes --ref=steward show 02f2030
        $ steward verify --base origin/main origin/steward/shop
        ```

        <sub>Steward run 2026-11-27T01:00:00Z-7f3a. Steward rebuilds this branch on every run; it stops as soon as anyone else pushes to it.</sub>

        """#
}
