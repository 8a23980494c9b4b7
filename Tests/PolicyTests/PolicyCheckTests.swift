import Policy
import Testing

/// Every problem of a policy file, each with the file, line, column, the line and a caret.
@Suite struct PolicyCheckTests {
    @Test func theDefaultPolicyLoads() throws {
        let policy = try Policy(bytes: Array(DefaultPolicy.text.utf8), path: "policies/steward.yaml")
        #expect(policy.name == "default")
        #expect(policy.rules.map(\.name) == ["system-namespaces", "requests-and-memory-limits"])
        #expect(policy.rules[1].fields.count == 12)
        #expect(policy.limits == PolicyLimits(maxOpenPullRequests: 5, maxChangesPerPullRequest: 20))
        #expect(policy.exclusion == PolicyExclusion())
        #expect(policy.schedule == nil)
    }

    @Test func aFileThatDoesNotParseIsReportedWithItsPosition() {
        #expect(
            Fixtures.diagnostics("apiVersion: steward.dev/v1\nkind: Policy\nspec:\n  rules: [\n")
                == [
                    """
                    policies/steward.yaml:5:1: unexpected end of input inside a flow collection

                    ^
                    """
                ])
    }

    @Test func aWrongApiVersionAndKindAreReported() {
        #expect(
            Fixtures.diagnostics(
                "apiVersion: steward.dev/v2\nkind: Policies\nmetadata: {name: x}\nspec: {}\n")
                == [
                    """
                    policies/steward.yaml:1:13: apiVersion: expected steward.dev/v1, found steward.dev/v2
                    apiVersion: steward.dev/v2
                                ^
                    """,
                    """
                    policies/steward.yaml:2:7: kind: expected Policy, found Policies
                    kind: Policies
                          ^
                    """,
                ])
    }

    @Test func onlyTheRollbackSwitchHasAHistoryBound() {
        let text =
            Fixtures.header + """
                  actions:
                    revert: {maxHistoryEntries: 2}
                    rollback: {maxHistoryEntries: 0}

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:7:14: spec.actions.revert: unknown field "maxHistoryEntries"
                    revert: {maxHistoryEntries: 2}
                             ^
                """,
                """
                policies/steward.yaml:8:35: spec.actions.rollback.maxHistoryEntries: 0 is out of range: expected between 1 and 100
                    rollback: {maxHistoryEntries: 0}
                                                  ^
                """,
            ])
    }

    @Test func unknownFieldsGetADidYouMean() {
        let text =
            Fixtures.header + """
                  rule:
                    - name: x
                  limits:
                    maxOpenPRs: 3

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:6:3: spec: unknown field "rule"; did you mean "rules"?
                  rule:
                  ^
                """,
                """
                policies/steward.yaml:9:5: spec.limits: unknown field "maxOpenPRs"
                    maxOpenPRs: 3
                    ^
                """,
            ])
        let field =
            Fixtures.header + """
                  rules:
                    - name: x
                      match: {namespace: [shop]}
                      actions: [rightsise]

                """
        #expect(
            Fixtures.diagnostics(field) == [
                """
                policies/steward.yaml:8:15: spec.rules[0].match: unknown field "namespace"; did you mean "namespaces"?
                      match: {namespace: [shop]}
                              ^
                """,
                """
                policies/steward.yaml:9:17: spec.rules[0].actions: unknown action "rightsise" (rightsize, oom, cpu-limit, revert, rollback); did you mean "rightsize"?
                      actions: [rightsise]
                                ^
                """,
            ])
    }

    @Test func badQuantitiesAndMinAboveMaxAreReported() {
        let text =
            Fixtures.header + """
                  rules:
                    - name: x
                      actions: [rightsize]
                      fields:
                        - path: spec.template.spec.containers[*].resources.requests.memory
                          min: lots
                          max: 512m
                        - path: spec.template.spec.containers[*].resources.limits.cpu
                          min: "2"
                          max: 1500m
                          maxDecreasePercent: 100

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:11:16: spec.rules[0].fields[0].min: "lots" is not a Kubernetes quantity (e.g. 250m, 1.5, 512Mi, 2Gi)
                          min: lots
                               ^
                """,
                """
                policies/steward.yaml:12:16: spec.rules[0].fields[0].max: 512m of memory is 512 thousandths of a byte; did you mean 512Mi?
                          max: 512m
                               ^
                """,
                """
                policies/steward.yaml:14:16: spec.rules[0].fields[1].min: 2 is above max 1500m
                          min: "2"
                               ^
                """,
                """
                policies/steward.yaml:16:31: spec.rules[0].fields[1].maxDecreasePercent: 100 is out of range: expected between 0 and 99
                          maxDecreasePercent: 100
                                              ^
                """,
            ])
    }

    @Test func aPathThatCanNeverMatchAResourcesFieldIsReported() {
        let text =
            Fixtures.header + """
                  rules:
                    - name: x
                      actions: [rightsize]
                      fields:
                        - path: spec.template.spec.containers[*].image
                        - path: spec.template.spec.containers[0].resources.requests.cpu
                        - path: spec.replicas
                        - path: spec.template.spec.containers[*].resources.requests.cpu
                        - path: spec.template.spec.containers[name=app].resources.requests.cpu

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:10:17: spec.rules[0].fields[0].path: `spec.template.spec.containers[*].image` can never match a resources field: after the container comes resources.requests.cpu, resources.requests.memory, resources.limits.cpu or resources.limits.memory
                        - path: spec.template.spec.containers[*].image
                                ^
                """,
                """
                policies/steward.yaml:11:17: spec.rules[0].fields[1].path: `spec.template.spec.containers[0].resources.requests.cpu` can never match a resources field: after containers comes [*] or [name=NAME] to select containers
                        - path: spec.template.spec.containers[0].resources.requests.cpu
                                ^
                """,
                """
                policies/steward.yaml:12:17: spec.rules[0].fields[2].path: `spec.replicas` can never match a resources field: it does not start at a pod spec (spec.template.spec, or spec.jobTemplate.spec.template.spec for a CronJob)
                        - path: spec.replicas
                                ^
                """,
                """
                policies/steward.yaml:14:11: spec.rules[0].fields[4] never applies: the field at line 13 (spec.template.spec.containers[*].resources.requests.cpu) matches every path spec.template.spec.containers[name=app].resources.requests.cpu does
                        - path: spec.template.spec.containers[name=app].resources.requests.cpu
                          ^
                """,
            ])
    }

    @Test func aRuleShadowedByAnEarlierOneIsReported() {
        let text =
            Fixtures.header + """
                  rules:
                    - name: shop
                      match: {namespaces: [shop-*], kinds: [Deployment, StatefulSet]}
                      actions: [rightsize]
                    - name: shop-eu-web
                      match: {namespaces: [shop-eu], kinds: [Deployment], names: [web]}
                      actions: [oom]
                    - name: other-kinds
                      match: {namespaces: [shop-eu], kinds: [DaemonSet]}
                      actions: [oom]
                    - name: shop
                      match: {clusters: [prod]}
                      actions: []

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:10:7: rule "shop-eu-web" never applies: rule "shop" (line 7) comes first and selects every workload it selects
                    - name: shop-eu-web
                      ^
                """,
                """
                policies/steward.yaml:16:7: rule "shop": the name is already used by the rule at line 7
                    - name: shop
                      ^
                """,
            ])
    }

    @Test func scheduleAndSwitchesAreChecked() {
        let text =
            Fixtures.header + """
                  schedule:
                    timeZone: Europe/Berlim
                    windows:
                      - days: Mon-Fry
                        hours: "17:00-09:00"
                  actions:
                    revert: {enabled: yes}
                  rules:
                    - name: x
                      match: {kinds: [Deploymnet]}
                      actions: []

                """
        #expect(
            Fixtures.diagnostics(text) == [
                """
                policies/steward.yaml:7:15: spec.schedule.timeZone: unknown time zone "Europe/Berlim" (an IANA name such as Europe/Berlin or UTC)
                    timeZone: Europe/Berlim
                              ^
                """,
                """
                policies/steward.yaml:9:15: spec.schedule.windows[0].days: expected days such as Mon-Fri, "Mon,Wed" or [Mon, Tue]
                      - days: Mon-Fry
                              ^
                """,
                """
                policies/steward.yaml:10:16: spec.schedule.windows[0].hours: expected a range such as 09:00-17:00 (end after start)
                        hours: "17:00-09:00"
                               ^
                """,
                """
                policies/steward.yaml:12:23: spec.actions.revert.enabled: expected true or false
                    revert: {enabled: yes}
                                      ^
                """,
                """
                policies/steward.yaml:15:23: spec.rules[0].match.kinds: Deploymnet is not a workload kind Steward changes (CronJob, DaemonSet, Deployment, Job, ReplicaSet, Rollout, StatefulSet); did you mean "Deployment"?
                      match: {kinds: [Deploymnet]}
                                      ^
                """,
            ])
    }

    @Test func missingRequiredFieldsAreReported() {
        #expect(
            Fixtures.diagnostics("apiVersion: steward.dev/v1\nkind: Policy\nmetadata: {}\n")
                == [
                    """
                    policies/steward.yaml:1:1: spec: required
                    apiVersion: steward.dev/v1
                    ^
                    """,
                    """
                    policies/steward.yaml:3:11: metadata.name: required
                    metadata: {}
                              ^
                    """,
                ])
        #expect(
            Fixtures.diagnostics("")
                == ["policies/steward.yaml:1:1: the file is empty\n\n^"])
    }
}
