import Kubernetes
import YAMLSyntax

/// One field change the bot wants to make, as the policy judges it.
public struct ProposedChange: Sendable, Hashable {
    public var subject: PolicySubject
    /// The container's name.
    public var container: String
    /// The field in workload form: `spec.template.spec.containers[name=app].resources.requests.cpu`.
    public var path: YAMLPath
    public var action: PolicyAction
    /// The current value; nil when the manifest does not set the field.
    public var from: Quantity?
    /// The new value; nil to remove the field.
    public var to: Quantity?

    public init(
        subject: PolicySubject, container: String, path: YAMLPath, action: PolicyAction, from: Quantity?,
        to: Quantity?
    ) {
        self.subject = subject
        self.container = container
        self.path = path
        self.action = action
        self.from = from
        self.to = to
    }

    /// `cpu` or `memory`, from the path's last key.
    var resource: String {
        if case .key(let key) = path.components.last { return key }
        return ""
    }
}
