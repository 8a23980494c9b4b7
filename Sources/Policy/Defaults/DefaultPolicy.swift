/// The documented default policy that `steward policy init` writes, with its test cases.
///
/// The same bytes are `policies/steward.yaml` and `policies/steward.tests.yaml` in Steward's
/// repository, where the reference documentation points; a test keeps the two identical.
public enum DefaultPolicy {
    /// Where `steward policy init` writes the tests, next to the policy.
    public static let testsPath = "policies/steward.tests.yaml"

    /// The text of `policies/steward.yaml`.
    public static let text = #"""
        # Steward's default policy: what the bot may change in this repository, and how far.
        # Written by `steward policy init`; the reference is docs/policy.md in Steward's repository.
        #
        # Review it like code. Steward reads it from the base branch on every run, and `steward verify`
        # checks every bot commit against the version in force at the commit's parent.
        #
        # Default deny: a change is allowed only when the first rule whose `match` selects the workload
        # allows the change's action and field. This policy lets the bot right-size CPU and memory
        # requests and memory limits, and fix OOM kills, within conservative bounds and step limits. It
        # never touches CPU limits, never reverts a commit, and leaves system namespaces alone.
        apiVersion: steward.dev/v1
        kind: Policy
        metadata:
          name: default
        spec:
          # A workload annotated `steward.dev/ignore: "true"` is never changed.
          exclude:
            annotation: steward.dev/ignore
            value: "true"
          limits:
            maxOpenPullRequests: 5
            maxChangesPerPullRequest: 20
          # How the recommender sizes, here at the defaults, commented out (docs/analysis.md, "Settings
          # and defaults"; docs/policy.md). Uncomment a knob to change it. A rule may carry its own
          # `recommender:` block, merged over this one for the workloads the rule selects.
          # recommender:
          #   cpuPercentile: p95             # p50, p90, p95, p99 or max of the CPU samples
          #   cpuMarginPercent: 15
          #   minimumCPU: 10m
          #   cpuLimit: keep                 # keep, remove, or {multipleOfRequest: 2}
          #   memoryMarginPercent: 15        # over the highest working set of any container instance
          #   minimumMemory: 64Mi
          #   oomBump: {percent: 20, minimum: 100Mi}
          #   minimumHistory: 24h
          #   minimumCoveragePercent: 75
          #   hysteresis: {percent: 10, cpu: 10m, memory: 16Mi}
          #   throttling:
          #     thresholdPercent: 25
          #     usagePercent: 90
          #     response: raise              # raise, remove or report
          #     bumpPercent: 50
          #     minimumBump: 100m
          #   leak:
          #     horizon: 7d
          #     minimumFit: 0.8
          #     minimumSpan: 12h
          #     minimumGrowthPercent: 10
          #     resetDropPercent: 25
          #   regression:
          #     rolloutDelay: 30m
          #     onset: 1h
          #     baseline: 24h
          #     minimumBaseline: 1h
          #     crashLoopRestarts: 3
          #     probeSuccessPercent: 90
          #     certificateExpiry: 14d
          rules:
            # First match wins: workloads in system namespaces stop here, and this rule allows nothing.
            - name: system-namespaces
              match:
                namespaces: [kube-*, "*-system"]
              actions: []
            # Everything else: requests at most double or halve (memory: lose at most 30%) per pull
            # request; memory limits move like memory requests, since a limit below the peak OOM-kills.
            - name: requests-and-memory-limits
              actions: [rightsize, oom]
              fields:
                # Deployments, StatefulSets, DaemonSets, Jobs, ReplicaSets and Argo Rollouts.
        \#(fieldRules(podSpec: "spec.template.spec"))
                # CronJobs.
        \#(fieldRules(podSpec: "spec.jobTemplate.spec.template.spec"))

        """#

    /// The field rules of `requests-and-memory-limits` for the pod template at `podSpec`, as the
    /// policy writes them: the same bounds for containers and init containers of every kind.
    private static func fieldRules(podSpec: String) -> String {
        let cpu = ["min: 10m", #"max: "8""#, "maxIncreasePercent: 100", "maxDecreasePercent: 50"]
        let memory = ["min: 64Mi", "max: 32Gi", "maxIncreasePercent: 100", "maxDecreasePercent: 30"]
        let rules = ["containers", "initContainers"].flatMap { list in
            [("requests.cpu", cpu), ("requests.memory", memory), ("limits.memory", memory)].map {
                field, bounds in
                ["- path: \(podSpec).\(list)[*].resources.\(field)"] + bounds.map { "  " + $0 }
            }
        }
        return rules.joined().map { "        " + $0 }.joined(separator: "\n")
    }

    /// The text of `policies/steward.tests.yaml`.
    public static let tests = #"""
        # Test cases of the default policy (steward.yaml): run them with `steward policy test policies`.
        # Each case is a workload, a change the bot could propose, and the decision it must get.
        # When you edit the policy, edit these cases with it: the review shows both.
        apiVersion: steward.dev/v1
        kind: PolicyTest
        metadata:
          name: default-policy-tests
        spec:
          policy: steward.yaml
          cases:
            - name: a CPU request halved is allowed
              workload: &web
                kind: Deployment
                metadata: {name: web, namespace: shop}
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.requests.cpu
                from: 500m
                to: 250m
              expect: {outcome: allowed, value: 250m, rule: requests-and-memory-limits}

            - name: a CPU request cut by more than half is clamped to half
              workload: *web
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.requests.cpu
                from: 500m
                to: 180m
              expect: {outcome: clamped, value: 250m}

            - name: a memory request loses at most 30% per pull request
              workload: *web
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.requests.memory
                from: 1Gi
                to: 384Mi
              expect: {outcome: clamped, value: 717Mi}

            - name: a memory limit at most doubles
              workload: *web
              change:
                action: oom
                path: spec.template.spec.containers[name=app].resources.limits.memory
                from: 512Mi
                to: 3Gi
              expect: {outcome: clamped, value: 1Gi}

            - name: a missing request is set, but not below the minimum
              workload: *web
              change:
                action: rightsize
                path: spec.template.spec.initContainers[name=log-shipper].resources.requests.cpu
                to: 5m
              expect: {outcome: clamped, value: 10m}

            - name: a CronJob's memory request is right-sized too
              workload:
                kind: CronJob
                metadata: {name: nightly-report, namespace: reports}
              change:
                action: rightsize
                path: spec.jobTemplate.spec.template.spec.containers[name=report].resources.requests.memory
                from: 2Gi
                to: 1536Mi
              expect: {outcome: allowed}

            - name: CPU limits are never touched
              workload: *web
              change:
                action: rightsize
                path: spec.template.spec.containers[name=app].resources.limits.cpu
                from: "1"
                to: 500m
              expect: {outcome: rejected, rule: requests-and-memory-limits, reason: does not allow changing}

            - name: a memory limit is never removed
              workload: *web
              change:
                action: oom
                path: spec.template.spec.containers[name=app].resources.limits.memory
                from: 1Gi
                remove: true
              expect: {outcome: rejected, reason: allowRemove is false}

            - name: system namespaces are left alone
              workload:
                kind: DaemonSet
                metadata: {name: kube-proxy, namespace: kube-system}
              change:
                action: rightsize
                path: spec.template.spec.containers[name=kube-proxy].resources.requests.cpu
                from: 100m
                to: 60m
              expect: {outcome: rejected, rule: system-namespaces}

            - name: a workload can opt out with an annotation
              workload:
                kind: StatefulSet
                metadata:
                  name: postgres
                  namespace: shop
                  annotations: {steward.dev/ignore: "true"}
              change:
                action: rightsize
                path: spec.template.spec.containers[name=postgres].resources.requests.memory
                from: 4Gi
                to: 3Gi
              expect: {outcome: rejected, reason: opted out}

            - name: the bot never reverts a commit
              workload: *web
              change:
                action: revert
                path: spec.template.spec.containers[name=app].resources.requests.cpu
                from: 500m
                to: 400m
              expect: {outcome: rejected, reason: does not allow the action revert}

        """#
}
