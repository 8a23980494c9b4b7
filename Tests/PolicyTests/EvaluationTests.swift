import Kubernetes
import Policy
import Testing

/// Rule selection, actions, fields, the opt-out annotation and action switches.
@Suite struct EvaluationTests {
    static let cpuRequests = """
          rules:
            - name: shop
              match: {namespaces: [shop]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu

        """

    @Test func withoutAMatchingRuleEverythingIsDenied() throws {
        let empty = try Fixtures.policy("  rules: []\n")
        let decision = empty.evaluate(Fixtures.change("requests.cpu", from: "500m", to: "250m"))
        #expect(decision == .rejected("no rule matches shop/Deployment/web (default deny)"))
        #expect(decision.rule == nil)
        #expect(!decision.permitsEdit)

        let policy = try Fixtures.policy(Self.cpuRequests)
        let elsewhere = Fixtures.change(
            "requests.cpu", from: "500m", to: "250m", subject: Fixtures.subject(namespace: "blog"))
        #expect(
            policy.evaluate(elsewhere).description
                == "rejected: no rule matches blog/Deployment/web (default deny)")
    }

    @Test func anAllowedChangeKeepsItsValueAndNamesTheRule() throws {
        let policy = try Fixtures.policy(Self.cpuRequests)
        let decision = policy.evaluate(Fixtures.change("requests.cpu", from: "500m", to: "180m"))
        #expect(decision == .allowed(Fixtures.quantity("180m"), rule: "shop"))
        #expect(decision.value?.text == "180m")
        #expect(decision.description == "allowed (rule shop)")
    }

    @Test func theFirstMatchingRuleDecidesEvenWhenALaterOneWouldAllow() throws {
        let policy = try Fixtures.policy(
            """
              rules:
                - name: frozen
                  match: {names: [checkout]}
                  actions: []
                - name: everything
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.cpu

            """)
        let checkout = Fixtures.change(
            "requests.cpu", from: "1", to: "500m", subject: Fixtures.subject(name: "checkout"))
        #expect(
            policy.evaluate(checkout).description
                == "rejected: the rule does not allow the action rightsize (rule frozen)")
        let web = Fixtures.change("requests.cpu", from: "1", to: "500m")
        #expect(policy.evaluate(web).description == "allowed (rule everything)")
    }

    @Test(arguments: [
        ("clusters: [prod-*]", true), ("clusters: [staging]", false),
        ("namespaces: [sh?p]", true), ("namespaces: [\"*-system\"]", false),
        ("kinds: [StatefulSet, Deployment]", true), ("kinds: [DaemonSet]", false),
        ("names: [we*]", true), ("names: [api]", false),
        ("labels: {tier: front*}", true), ("labels: {tier: backend}", false),
        ("labels: {team: storefront}", false),
        (
            "{clusters: [prod-*], namespaces: [shop], kinds: [Deployment], names: [web], labels: {tier: frontend}}",
            true
        ),
        (
            "{clusters: [prod-*], namespaces: [shop], kinds: [Deployment], names: [web], labels: {tier: x}}",
            false
        ),
    ])
    func eachMatchConditionSelectsWorkloads(match: String, selected: Bool) throws {
        let policy = try Fixtures.policy(
            """
              rules:
                - name: r
                  match: \(match.hasPrefix("{") ? match : "{\(match)}")
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.cpu

            """)
        let subject = Fixtures.subject(cluster: "prod-eu", labels: ["tier": "frontend"])
        let decision = policy.evaluate(
            Fixtures.change("requests.cpu", from: "1", to: "500m", subject: subject))
        #expect(decision.outcome == (selected ? .allowed : .rejected), "\(match): \(decision)")
    }

    @Test func onlyTheListedActionsAndFieldsAreAllowed() throws {
        let policy = try Fixtures.policy(
            """
              rules:
                - name: r
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[name=app].resources.requests.memory

            """)
        #expect(
            policy.evaluate(Fixtures.change("requests.memory", from: "1Gi", to: "512Mi", action: .oom))
                .description
                == "rejected: the rule does not allow the action oom (rule r)")
        #expect(
            policy.evaluate(Fixtures.change("requests.cpu", from: "1", to: "500m")).description
                == "rejected: the rule does not allow changing "
                + "spec.template.spec.containers[name=app].resources.requests.cpu (rule r)")
        #expect(
            policy.evaluate(
                Fixtures.change("requests.memory", from: "1Gi", to: "512Mi", container: "sidecar")
            )
            .outcome == .rejected)
        #expect(
            policy.evaluate(
                Fixtures.change("requests.memory", from: "1Gi", to: "512Mi", list: "initContainers")
            )
            .outcome == .rejected)
        #expect(
            policy.evaluate(Fixtures.change("requests.memory", from: "1Gi", to: "512Mi")).outcome == .allowed)
    }

    @Test func theOptOutAnnotationWinsOverEveryRule() throws {
        let policy = try Fixtures.policy(Self.cpuRequests)
        let optedOut = Fixtures.subject(annotations: ["steward.dev/ignore": "true"])
        #expect(
            policy.evaluate(Fixtures.change("requests.cpu", from: "1", to: "500m", subject: optedOut))
                == .rejected("opted out with the annotation steward.dev/ignore: \"true\""))
        let otherValue = Fixtures.subject(annotations: ["steward.dev/ignore": "false"])
        #expect(
            policy.evaluate(Fixtures.change("requests.cpu", from: "1", to: "500m", subject: otherValue))
                .outcome
                == .allowed)

        let custom = try Fixtures.policy(
            """
              exclude: {annotation: example.com/steward, value: "off"}
            \(Self.cpuRequests)
            """)
        let customOptOut = Fixtures.subject(annotations: [
            "example.com/steward": "off", "steward.dev/ignore": "true",
        ])
        #expect(
            custom.evaluate(Fixtures.change("requests.cpu", from: "1", to: "500m", subject: customOptOut))
                .reason
                == "opted out with the annotation example.com/steward: \"off\"")
        #expect(
            custom.evaluate(Fixtures.change("requests.cpu", from: "1", to: "500m", subject: optedOut)).outcome
                == .allowed)
    }

    @Test func actionSwitchesTurnActionsOffOrRequireLabels() throws {
        let policy = try Fixtures.policy(
            """
              actions:
                cpu-limit: {enabled: false}
                revert:
                  requireLabels: {steward.dev/revert: allowed}
              rules:
                - name: all
                  actions: [rightsize, cpu-limit, revert]
                  fields:
                    - path: spec.template.spec.containers[*].resources.limits.cpu
                      allowRemove: true

            """)
        #expect(
            policy.evaluate(Fixtures.change("limits.cpu", from: "1", to: nil, action: .cpuLimit))
                == .rejected(
                    "action cpu-limit is switched off (spec.actions.cpu-limit.enabled); it stays a finding"))
        #expect(policy.evaluate(Fixtures.change("limits.cpu", from: "1", to: nil)).outcome == .allowed)
        #expect(
            policy.evaluateRevert(of: Fixtures.subject())
                == .rejected(
                    "action revert needs the label steward.dev/revert: \"allowed\" on the workload; it stays a finding"
                ))
        let labelled = Fixtures.subject(labels: ["steward.dev/revert": "allowed"])
        #expect(policy.evaluateRevert(of: labelled) == .allowed(nil, rule: "all"))
        #expect(policy.actionSwitch(.rightsize) == ActionSwitch())
    }

    @Test func revertsFollowTheFirstMatchingRule() throws {
        let policy = try Fixtures.policy(Self.cpuRequests)
        #expect(
            policy.evaluateRevert(of: Fixtures.subject()).description
                == "rejected: the rule does not allow the action revert (rule shop)")
        #expect(
            policy.evaluateRevert(of: Fixtures.subject(namespace: "blog")).reason?.hasSuffix("(default deny)")
                == true)
    }

    @Test func aRollbackNeedsARuleThatListsItAndStaysWithinItsBound() throws {
        #expect(
            try Fixtures.policy(Self.cpuRequests).evaluateRollback(of: Fixtures.subject(), entriesBack: 1)
                == .rejected("the rule does not allow the action rollback", rule: "shop"))
        let allowing = try Fixtures.policy(
            Self.cpuRequests.replacingOccurrences(of: "[rightsize]", with: "[rightsize, revert, rollback]"))
        #expect(
            allowing.evaluateRollback(of: Fixtures.subject(), entriesBack: 1) == .allowed(nil, rule: "shop"))
        #expect(
            allowing.evaluateRollback(of: Fixtures.subject(), entriesBack: 2)
                == .rejected(
                    "the rollback would go 2 history entries back, more than the 1 "
                        + "spec.actions.rollback.maxHistoryEntries allows", rule: "shop"))
        #expect(
            allowing.evaluateRollback(of: Fixtures.subject(namespace: "blog"), entriesBack: 1)
                == .rejected("no rule matches blog/Deployment/web (default deny)"))

        let further = try Fixtures.policy(
            "  actions:\n    rollback: {maxHistoryEntries: 3}\n"
                + Self.cpuRequests.replacingOccurrences(of: "[rightsize]", with: "[rollback]"))
        #expect(
            further.evaluateRollback(of: Fixtures.subject(), entriesBack: 3) == .allowed(nil, rule: "shop"))
        #expect(further.evaluateRollback(of: Fixtures.subject(), entriesBack: 4).outcome == .rejected)
    }
}
