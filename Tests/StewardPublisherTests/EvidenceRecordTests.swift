import Foundation
import PlanFixtures
import StewardPublisher
import TestSupport
import Testing

/// The evidence note of a bot commit, byte for byte: what `Steward-Evidence` hashes.
@Suite struct EvidenceRecordTests {
    @Test func theNoteOfTheWebContainerIsPinned() async throws {
        let directory = try TemporaryDirectory("steward-evidence")
        let (plan, profiles) = try await ShopRepository.plan(in: directory)
        let web = try #require(plan.findings.first { $0.finding.workload.name == "web" })
        let record = EvidenceRecord(
            web, window: plan.window, profile: profiles.profiles.first, source: profiles.source,
            policyPath: "policies/steward.yaml", policyBlob: "1e7379b0a3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8")
        #expect(record.text == Self.expected)
    }

    static let expected = #"""
        {
          "apiVersion" : "steward.dev/v1",
          "changes" : [
            {
              "decision" : "allowed",
              "document" : 0,
              "field" : "requests.cpu",
              "file" : "apps/shop/web.yaml",
              "from" : "500m",
              "path" : "spec.template.spec.containers[name=app].resources.requests.cpu",
              "proposed" : "180m",
              "rule" : "apps",
              "written" : "180m"
            },
            {
              "decision" : "allowed",
              "document" : 0,
              "field" : "requests.memory",
              "file" : "apps/shop/web.yaml",
              "from" : "1Gi",
              "path" : "spec.template.spec.containers[name=app].resources.requests.memory",
              "proposed" : "384Mi",
              "rule" : "apps",
              "written" : "384Mi"
            },
            {
              "decision" : "allowed",
              "document" : 0,
              "field" : "limits.memory",
              "file" : "apps/shop/web.yaml",
              "from" : "1Gi",
              "path" : "spec.template.spec.containers[name=app].resources.limits.memory",
              "proposed" : "384Mi",
              "rule" : "apps",
              "written" : "384Mi"
            }
          ],
          "container" : "app",
          "evidence" : {
            "calculations" : [
              {
                "field" : "requests.cpu",
                "formula" : "p95 0.156 cores × 1.15 = 0.1794 cores, up to a 5m step",
                "result" : "180m"
              },
              {
                "field" : "memory",
                "formula" : "peak 333.9 MiB × 1.15 = 383.98 MiB, up to 1Mi",
                "result" : "384Mi"
              }
            ],
            "cpuMax" : 0.344,
            "cpuP95" : 0.156,
            "cpuPercentile" : "p95",
            "cpuSamples" : 6048,
            "cpuUsage" : 0.156,
            "historySeconds" : 604800,
            "memoryMax" : 350119526,
            "memorySamples" : 6048,
            "oomKills" : 0,
            "queries" : [
              "max by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\"})"
            ],
            "replay" : {
              "limit" : 402653184,
              "points" : 169,
              "wouldBeOOMKills" : 0
            },
            "restarts" : 0,
            "rule" : "cpu request = p95 × 1.15 (min 10m, up to 5m steps up to 1 core and 50m above, never above the CPU limit); memory request = limit = peak × 1.15 (min 64Mi, up to 1Mi); requests an autoscaler scales on are held; changes under 10 % or under 10m CPU / 16Mi memory are not proposed; needs 1 day of history",
            "windowEnd" : 1795737600,
            "windowStart" : 1795132800
          },
          "finding" : "rightsize/prod/shop/Deployment/web/app",
          "kind" : "Evidence",
          "policy" : {
            "blob" : "1e7379b0a3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8",
            "path" : "policies/steward.yaml"
          },
          "profile" : {
            "cluster" : "prod",
            "container" : "app",
            "cpu" : {
              "max" : 0.344,
              "p50" : 0.082,
              "p90" : 0.131,
              "p95" : 0.156,
              "p99" : 0.201,
              "samples" : 6048
            },
            "limits" : {
              "memory" : 1073741824
            },
            "memory" : {
              "max" : 350119526,
              "p50" : 305135616,
              "p95" : 337641472,
              "samples" : 6048
            },
            "namespace" : "shop",
            "oomKills" : 0,
            "restarts" : 0,
            "throttlingRatio" : 0,
            "workload" : {
              "kind" : "Deployment",
              "name" : "web"
            }
          },
          "source" : {
            "collector" : "steward 0.1.0",
            "prometheus" : "http://prometheus.monitoring:9090",
            "queries" : [
              "max by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\"})"
            ],
            "step" : "5m"
          },
          "window" : {
            "end" : 1795737600,
            "start" : 1795132800
          },
          "workload" : {
            "cluster" : "prod",
            "kind" : "Deployment",
            "name" : "web",
            "namespace" : "shop"
          }
        }

        """#
}
