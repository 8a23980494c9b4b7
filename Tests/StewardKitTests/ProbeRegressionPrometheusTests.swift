import Foundation
import PrometheusSimulator
import TestSupport
import Testing

/// The regression detector on failing probes, end to end on real parts: `steward profile
/// collect` reads the blackbox probes of a real Prometheus holding the generated history (a new
/// certificate chain is served for `pay.example.com` 10 minutes before its probes start failing),
/// and `steward plan` blames the failure on the Git commit that changed the Certificate behind
/// that host's Ingress, or only reports it when no commit came just before.
@Suite struct ProbeRegressionPrometheusTests {
    static let failure = Double(ClusterHistory.fixtureProbeFailure)
    static let newChain = Double(ClusterHistory.fixturePayCertificateChange)

    /// The workload behind `pay.example.com`, its Service, Ingress and Certificate.
    static let checkout = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: checkout}
          template:
            metadata:
              labels: {app: checkout}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/checkout:5.0.2
                  resources:
                    requests: {cpu: 250m, memory: 512Mi}
                    limits: {cpu: "1", memory: 768Mi}

        """

    static let exposure = service + "---\n" + ingress

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: checkout
          namespace: shop
        spec:
          selector: {app: checkout}
          ports: [{port: 80, targetPort: 8080}]

        """

    /// The Ingress of `pay.example.com`, routing to the Service `checkout`.
    static let ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: checkout
          namespace: shop
        spec:
          tls:
            - hosts: [pay.example.com]
              secretName: pay-tls
          rules:
            - host: pay.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: checkout, port: {number: 80}}

        """

    static let certificate = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: pay-tls
          namespace: shop
        spec:
          secretName: pay-tls
          dnsNames: [pay.example.com]
          issuerRef: {name: letsencrypt, kind: ClusterIssuer}

        """

    /// The checkout, its Service, Ingress and Certificate, and the policy.
    static let files = [
        "apps/shop/checkout.yaml": checkout, "apps/shop/exposure.yaml": exposure,
        "apps/shop/certificate.yaml": certificate, "policies/steward.yaml": RegressionPlanFixture.policy,
    ]

    /// A GitOps repository of `files` whose second commit, at `time`, switches the pay
    /// certificate's issuer (or adds the certificate, when `files` has none); returns the
    /// repository and that commit's id.
    static func repository(_ git: GitFixture, files: [String: String] = files, changeAt time: Double) throws
        -> (path: String, commit: String)
    {
        try RegressionPlanFixture.repository(
            git, files: files,
            adding: "Add the checkout",
            change: [
                "apps/shop/certificate.yaml": certificate.replacingOccurrences(
                    of: "letsencrypt", with: "letsencrypt-staging")
            ],
            message: "Issue the pay certificate from staging", at: time)
    }

    /// `steward plan --format json` on `repo` with the profiles `profile collect` wrote.
    static func plan(_ repo: String) async throws -> [String: Any] {
        let directory = try TemporaryDirectory("steward-probe-regression")
        return try plan(repo, profiles: try await RegressionPrometheusTests.collect(into: directory))
    }

    /// `steward plan --format json` on `repo` with `profiles`.
    static func plan(_ repo: String, profiles: String) throws -> [String: Any] {
        let output = try PackagePaths.steward().result(
            ["plan", "--repo", repo, "--profiles", profiles, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
    }

    /// The findings about regressions: reverts, crash loops, failing probes.
    static func regressionFindings(_ plan: [String: Any]) -> [[String: Any]] {
        let kinds: Set = ["regression-after-change", "crash-loop", "probe-failure"]
        return (plan["findings"] as? [[String: Any]] ?? []).filter {
            kinds.contains($0["kind"] as? String ?? "")
        }
    }

    @Test func failingProbesTenMinutesAfterACertificateCommitProposeItsRevert() async throws {
        let git = try GitFixture()
        let change = Self.newChain - 900
        let (repo, culprit) = try Self.repository(git, changeAt: change)

        let plan = try await Self.plan(repo)

        let findings = Self.regressionFindings(plan)
        #expect(
            findings.map { $0["id"] as? String } == [
                "regression-after-change/prod/shop/Deployment/checkout/app#certificate-e1d2c3b4a596"
            ])
        let finding = try #require(findings.first)
        let commit = try #require((finding["revert"] as? [String: Any])?["commit"] as? [String: Any])
        #expect(commit["id"] as? String == culprit)
        #expect(commit["summary"] as? String == "Issue the pay certificate from staging")
        #expect(commit["paths"] as? [String] == ["apps/shop/certificate.yaml"])
        #expect(commit["scope"] as? String == "tls")
        #expect(commit["time"] as? Double == change)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        // The trigger: the first 5-minute step at which the new chain was seen.
        #expect(regression["rolloutTime"] as? Double == Self.newChain + 300)
        let anomalies = try #require(regression["anomalies"] as? [[String: Any]])
        // The first 5-minute step after the failure began at 20:30, (20:30, 20:35]: none since.
        #expect(anomalies.map { $0["onset"] as? Double } == [Self.failure + 300])
        #expect(anomalies.first?["before"] as? Double == 1)
        #expect(anomalies.first?["after"] as? Double == 0)
        #expect(
            finding["summary"] as? String
                == "failing probes of https://pay.example.com/healthz began within 10 min of certificate "
                + "e1d2c3b4a596 first served at 2026-09-22T20:25:00Z, 20 min after commit \(culprit.prefix(7)) "
                + "\"Issue the pay certificate from staging\" by Fixture Author <author@example.com>: revert it"
        )
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 1)
    }

    @Test func theSameFailureWithNoCommitNearbyIsOnlyReported() async throws {
        let git = try GitFixture()
        // The issuer switched two hours before the new chain: too early to have caused it.
        let (repo, _) = try Self.repository(git, changeAt: Self.newChain - 7200)

        let plan = try await Self.plan(repo)

        let findings = Self.regressionFindings(plan)
        #expect(findings.map { $0["id"] as? String } == ["probe-failure/prod/shop/Deployment/checkout/app"])
        #expect(findings.allSatisfy { !($0["revert"] is [String: Any]) })
        #expect(
            findings.first?["summary"] as? String
                == "failing probes of https://pay.example.com/healthz began after certificate e1d2c3b4a596 "
                + "first served at 2026-09-22T20:25:00Z; no commit to the workload or its TLS resources explains it"
        )
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 0)
    }

    @Test func failingProbesOfAnIngressWithoutItsServiceAreReportedWithTheCertificateCommit() async throws {
        let git = try GitFixture()
        let change = Self.newChain - 900
        // The Ingress and its Certificate, but no Service checkout and no workload behind it.
        let (repo, culprit) = try Self.repository(
            git,
            files: [
                "apps/shop/ingress.yaml": Self.ingress, "apps/shop/certificate.yaml": Self.certificate,
                "policies/steward.yaml": RegressionPlanFixture.policy,
            ],
            changeAt: change)
        let directory = try TemporaryDirectory("steward-probe-unrouted")
        let profiles = try await RegressionPrometheusTests.collect(into: directory)

        let plan = try Self.plan(repo, profiles: profiles)

        let findings = Self.regressionFindings(plan)
        #expect(findings.map { $0["id"] as? String } == ["probe-failure/prod/shop/Ingress/checkout/-"])
        let finding = try #require(findings.first)
        #expect(finding["kind"] as? String == "probe-failure")
        #expect(finding["target"] as? String == "apps/shop")
        #expect(finding["container"] as? String == "-")
        #expect(
            finding["workload"] as? [String: String]
                == ["cluster": "prod", "namespace": "shop", "kind": "Ingress", "name": "checkout"])
        #expect(finding["revert"] is NSNull)
        #expect((finding["changes"] as? [Any])?.isEmpty == true)
        let regression = try #require(
            (finding["evidence"] as? [String: Any])?["regression"] as? [String: Any])
        let candidates = try #require(regression["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["id"] as? String } == [culprit])
        #expect(candidates.first?["scope"] as? String == "tls")
        #expect(candidates.first?["paths"] as? [String] == ["apps/shop/certificate.yaml"])
        #expect(regression["rolloutTime"] as? Double == Self.newChain + 300)
        #expect(
            (regression["anomalies"] as? [[String: Any]])?.map { $0["onset"] as? Double } == [
                Self.failure + 300
            ])
        let summary =
            "failing probes of https://pay.example.com/healthz began after certificate e1d2c3b4a596 first served "
            + "at 2026-09-22T20:25:00Z; Ingress shop/checkout routes to Service checkout, which the repository "
            + "does not declare; candidates: commit \(culprit.prefix(7)) \"Issue the pay certificate from staging\""
        #expect(finding["summary"] as? String == summary)
        #expect((plan["summary"] as? [String: Any])?["reverts"] as? Int == 0)
        #expect(plan["notes"] as? [String] == [])

        let text = try PackagePaths.steward().result(
            ["plan", "--repo", repo, "--profiles", profiles, "--exit-code"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.text.contains("\nshop/Ingress/checkout\n  probe-failure (high): \(summary)\n\n"))
        #expect(!text.text.contains("revert"))

        // The checkout with a Service that selects pods no workload has: the same report, and why.
        let otherGit = try GitFixture()
        let selectingNothing = try Self.repository(
            otherGit,
            files: Self.files.merging(
                [
                    "apps/shop/exposure.yaml": Self.exposure.replacingOccurrences(
                        of: "selector: {app: checkout}", with: "selector: {app: checkout-v2}")
                ],
                uniquingKeysWith: { $1 }),
            changeAt: change)
        let other = try #require(
            Self.regressionFindings(try Self.plan(selectingNothing.path, profiles: profiles)).first)
        #expect(other["id"] as? String == "probe-failure/prod/shop/Ingress/checkout/-")
        #expect(other["revert"] is NSNull)
        #expect(
            other["summary"] as? String
                == "failing probes of https://pay.example.com/healthz began after certificate e1d2c3b4a596 first "
                + "served at 2026-09-22T20:25:00Z; Ingress shop/checkout routes to Service checkout, which selects "
                + "no workload of the repository; candidates: commit \(selectingNothing.commit.prefix(7)) \"Issue "
                + "the pay certificate from staging\"")
    }

    @Test func failingProbesOfAHostNoIngressServesAreNoted() async throws {
        let git = try GitFixture()
        // The checkout alone: its Ingress lives elsewhere.
        let (repo, _) = try Self.repository(
            git,
            files: [
                "apps/shop/checkout.yaml": Self.checkout,
                "policies/steward.yaml": RegressionPlanFixture.policy,
            ],
            changeAt: Self.newChain - 900)
        let directory = try TemporaryDirectory("steward-probe-unserved")
        let profiles = try await RegressionPrometheusTests.collect(into: directory)

        let plan = try Self.plan(repo, profiles: profiles)

        #expect(Self.regressionFindings(plan).isEmpty)
        let note =
            "probes of https://pay.example.com/healthz began failing by 2026-09-22T20:35:00Z, but no Ingress the "
            + "repository deploys to prod serves pay.example.com"
        #expect(plan["notes"] as? [String] == [note])
        let text = try PackagePaths.steward().result(["plan", "--repo", repo, "--profiles", profiles])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.text.contains("\nNotes:\n  \(note)\n\n"))
    }
}
