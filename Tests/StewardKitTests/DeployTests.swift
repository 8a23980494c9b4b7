import Foundation
import StewardKit
import StewardPlanner
import TestSupport
import Testing
import YAMLSyntax

/// `deploy/`, rendered by the real `kubectl kustomize`: a CronJob that runs hourly without
/// overlapping, as a non-root user with a read-only root filesystem, with its token and key from
/// Secrets, its configuration from a ConfigMap, and no Kubernetes API access at all.
@Suite struct DeployTests {
    /// The rendered documents by kind.
    static func render() throws -> [String: YAMLValue] {
        let deploy = PackagePaths.root.appendingPathComponent("deploy").path
        let output = try ExternalTool.kubectl.run(["kustomize", deploy])
        let file = try YAMLFile(bytes: Array(output.utf8), path: "kubectl kustomize deploy")
        var documents: [String: YAMLValue] = [:]
        for document in file.documents {
            documents[document.value["kind"]?.scalarText ?? ""] = document.value
        }
        return documents
    }

    @Test func theBaseRendersACronJobThatRunsHourlyAndNeverOverlaps() throws {
        let documents = try Self.render()
        #expect(documents.keys.sorted() == ["ConfigMap", "CronJob", "ServiceAccount"])
        let cronJob = try #require(documents["CronJob"])
        let schedule = try #require(cronJob["spec"]?["schedule"]?.scalarText)
        let fields = schedule.split(separator: " ")
        #expect(fields.count == 5 && Int(fields[0]).map { (0..<60).contains($0) } == true)
        #expect(fields.dropFirst() == ["*", "*", "*", "*"])
        #expect(cronJob["spec"]?["concurrencyPolicy"]?.scalarText == "Forbid")
        let job = try #require(cronJob["spec"]?["jobTemplate"]?["spec"])
        #expect(job["backoffLimit"]?.scalarText == "0")
        let pod = try #require(job["template"]?["spec"])
        #expect(pod["restartPolicy"]?.scalarText == "Never")
        let container = try #require(Self.items(pod["containers"]).first)
        #expect(
            Self.items(container["args"]).compactMap(\.scalarText) == [
                "run", "--config", "/etc/steward/steward.yaml", "--log-format", "json", "--log-level", "info",
            ])
    }

    @Test func thePodRunsAsNonRootOnAReadOnlyRootFilesystemWithoutAPIAccess() throws {
        let documents = try Self.render()
        let serviceAccount = try #require(documents["ServiceAccount"])
        #expect(serviceAccount["automountServiceAccountToken"] == .bool(false))
        // No Role, ClusterRole or binding: the ServiceAccount may do nothing with the API.
        #expect(!documents.keys.contains { $0.hasSuffix("Role") || $0.hasSuffix("RoleBinding") })
        let pod = try #require(documents["CronJob"]?["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"])
        #expect(pod["serviceAccountName"]?.scalarText == serviceAccount["metadata"]?["name"]?.scalarText)
        #expect(pod["automountServiceAccountToken"] == .bool(false))
        #expect(pod["securityContext"]?["runAsNonRoot"] == .bool(true))
        #expect((pod["securityContext"]?["runAsUser"]?.scalarText).flatMap(Int.init).map { $0 > 0 } == true)
        let containers = Self.items(pod["initContainers"]) + Self.items(pod["containers"])
        #expect(containers.count == 2)
        for container in containers {
            let security = container["securityContext"]
            #expect(security?["readOnlyRootFilesystem"] == .bool(true))
            #expect(security?["allowPrivilegeEscalation"] == .bool(false))
            #expect(Self.items(security?["capabilities"]?["drop"]).compactMap(\.scalarText) == ["ALL"])
            #expect(container["resources"]?["limits"]?["memory"] != nil)
        }
    }

    @Test func tokensAndTheKeyComeFromSecretsAndTheConfigurationFromTheGeneratedConfigMap() throws {
        let documents = try Self.render()
        let pod = try #require(documents["CronJob"]?["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"])
        let volumes = Dictionary(
            uniqueKeysWithValues: Self.items(pod["volumes"]).map { ($0["name"]?.scalarText ?? "", $0) })
        #expect(volumes["git-token"]?["secret"]?["secretName"]?.scalarText == "steward-git-token")
        #expect(volumes["forge-token"]?["secret"]?["secretName"]?.scalarText == "steward-forge-token")
        #expect(volumes["signing-key"]?["secret"]?["secretName"]?.scalarText == "steward-signing-key")
        #expect(volumes["argocd-token"]?["secret"]?["secretName"]?.scalarText == "steward-argocd-token")
        #expect(volumes["argocd-token"]?["secret"]?["optional"] == .bool(true))
        for name in ["git-token", "forge-token", "signing-key", "argocd-token"] {
            #expect(volumes[name]?["secret"]?["defaultMode"]?.scalarText == "256", "\(name) is not mode 0400")
        }
        let configMap = try #require(documents["ConfigMap"])
        let configMapName = try #require(configMap["metadata"]?["name"]?.scalarText)
        #expect(configMapName.hasPrefix("steward-config-"))
        #expect(volumes["config"]?["configMap"]?["name"]?.scalarText == configMapName)

        // The bundled configuration loads, and every file it names is where the pod mounts it.
        let text = try #require(configMap["data"]?["steward.yaml"]?.scalarText)
        let directory = try TemporaryDirectory("steward-deploy")
        let configuration = try StewardConfiguration.load(
            from: try directory.write("steward.yaml", text).path, for: .run)
        let container = try #require(Self.items(pod["containers"]).first)
        let mounts = Self.items(container["volumeMounts"]).map {
            (
                path: $0["mountPath"]?.scalarText ?? "", volume: $0["name"]?.scalarText ?? "",
                readOnly: $0["readOnly"] == .bool(true)
            )
        }
        func mount(of file: String) -> (path: String, volume: String, readOnly: Bool)? {
            mounts.first { file.hasPrefix($0.path + "/") }
        }
        #expect(mount(of: "/etc/steward/steward.yaml")?.volume == "config")
        #expect(mount(of: configuration.repository?.tokenFile ?? "")?.volume == "git-token")
        #expect(mount(of: configuration.forge.tokenFile ?? "")?.volume == "forge-token")
        // The argocd section, commented out for clusters without Argo CD, loads once uncommented,
        // and its token is where the optional Secret is mounted.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# argocd:") || line.hasPrefix("#   ") ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        #expect(uncommented != text)
        let withArgoCD = try StewardConfiguration.load(
            from: try directory.write("steward-argocd.yaml", uncommented).path, for: .run)
        #expect(configuration.argoCD == nil)
        #expect(withArgoCD.argoCD?.server == "https://argocd-server.argocd.svc")
        #expect(mount(of: withArgoCD.argoCD?.tokenFile ?? "")?.volume == "argocd-token")
        #expect(mount(of: withArgoCD.argoCD?.caFile ?? "")?.volume == "config")
        #expect(mount(of: configuration.signing?.keyFile ?? "")?.volume == "keys")
        #expect(mount(of: configuration.repository?.cacheDirectory ?? "")?.readOnly == false)
        #expect(mount(of: "/tmp/steward-run")?.readOnly == false)
        // The init container copies the key from its Secret into the memory volume Steward reads.
        let copy = try #require(Self.items(pod["initContainers"]).first)
        #expect(
            Self.items(copy["command"]).compactMap(\.scalarText) == [
                "install", "-m", "0600", "/var/run/secrets/steward/signing/id_ed25519",
                configuration.signing?.keyFile,
            ])
        #expect(volumes["keys"]?["emptyDir"]?["medium"]?.scalarText == "Memory")
    }

    @Test func theArgoCDComponentAddsStewardsAccountAndRoleAndKeepsTheOperatorsPolicy() throws {
        let directory = try TemporaryDirectory("steward-deploy-argocd")
        try directory.write(
            "argocd/install.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: argocd-cm, namespace: argocd}
            data:
              url: https://argocd.example.com
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: argocd-rbac-cm, namespace: argocd}
            data:
              policy.default: role:readonly
              policy.csv: |
                g, platform-team, role:admin

            """)
        // Kustomize takes components by relative path only: link the one under test in.
        try FileManager.default.createSymbolicLink(
            atPath: directory.path("argocd/steward").path,
            withDestinationPath: PackagePaths.root.appendingPathComponent("deploy/argocd").path)
        try directory.write("argocd/kustomization.yaml", "resources: [install.yaml]\ncomponents: [steward]\n")
        let output = try ExternalTool.kubectl.run([
            "kustomize", "--load-restrictor", "LoadRestrictionsNone", directory.path("argocd").path,
        ])
        let file = try YAMLFile(bytes: Array(output.utf8), path: "kubectl kustomize")
        let maps = Dictionary(
            uniqueKeysWithValues: file.documents.map {
                ($0.value["metadata"]?["name"]?.scalarText ?? "", $0.value)
            })
        let cm = try #require(maps["argocd-cm"]?["data"])
        #expect(cm["url"]?.scalarText == "https://argocd.example.com")
        #expect(cm["accounts.steward"]?.scalarText == "apiKey")
        let rbac = try #require(maps["argocd-rbac-cm"]?["data"])
        #expect(rbac["policy.csv"]?.scalarText == "g, platform-team, role:admin\n")
        #expect(rbac["policy.default"]?.scalarText == "role:readonly")
        let lines = (rbac["policy.steward.csv"]?.scalarText ?? "").split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "p, role:steward, applications, get, */*, allow",
                "p, role:steward, applications, sync, */*, allow",
                "p, role:steward, applications, rollback, */*, allow", "g, steward, role:steward",
            ])
        // Least privilege: no action that edits or deletes an Application or its resources.
        for forbidden in ["update", "override", "delete", "action/"] {
            #expect(!lines.contains { $0.contains(", \(forbidden)") }, "\(forbidden) is granted")
        }
    }

    static func items(_ value: YAMLValue?) -> [YAMLValue] {
        guard case .sequence(let items) = value else { return [] }
        return items
    }
}
