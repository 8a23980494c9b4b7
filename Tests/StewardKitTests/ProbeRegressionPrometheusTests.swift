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

    static let exposure = """
        apiVersion: v1
        kind: Service
        metadata:
          name: checkout
          namespace: shop
        spec:
          selector: {app: checkout}
          ports: [{port: 80, targetPort: 8080}]
        ---
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

    /// A GitOps repository whose second commit, at `time`, switches the pay certificate's issuer;
    /// returns the repository and that commit's id.
    static func repository(_ git: GitFixture, changeAt time: Double) throws -> (path: String, commit: String)
    {
        try RegressionPlanFixture.repository(
            git,
            files: [
                "apps/shop/checkout.yaml": checkout, "apps/shop/exposure.yaml": exposure,
                "apps/shop/certificate.yaml": certificate,
                "policies/steward.yaml": RegressionPlanFixture.policy,
            ],
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
        let profiles = try await RegressionPrometheusTests.collect(into: directory)
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
        // The hour of the failure, (20:00, 21:00]: probes succeeded half of it, then none.
        #expect(anomalies.map { $0["onset"] as? Double } == [Self.failure + 1800])
        #expect(anomalies.first?["before"] as? Double == 1)
        #expect(anomalies.first?["after"] as? Double == 0.125)
        #expect(
            finding["summary"] as? String
                == "failing probes of https://pay.example.com/healthz began within 35 min of certificate "
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
}
