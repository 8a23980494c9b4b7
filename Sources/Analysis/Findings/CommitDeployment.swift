/// When Argo CD deployed a commit to one Application: the first entry of the Application's
/// history whose revision is the commit or a descendant of it.
public struct CommitDeployment: Codable, Sendable, Hashable {
    /// The Application, as Argo CD names it.
    public var application: String
    /// The deployment target of the repository that the Application is (its name gets the
    /// declaring file appended where two Applications share a name).
    public var target: String
    /// The history entry's id: what a rollback to it takes.
    public var historyID: Int
    /// The revision that entry deployed, 40 hexadecimal digits.
    public var revision: String
    /// When the sync began, unix seconds, where Argo CD records it.
    public var startedAt: Double?
    /// When the sync finished, unix seconds.
    public var deployedAt: Double

    public init(
        application: String, target: String, historyID: Int, revision: String, startedAt: Double?,
        deployedAt: Double
    ) {
        self.application = application
        self.target = target
        self.historyID = historyID
        self.revision = revision
        self.startedAt = startedAt
        self.deployedAt = deployedAt
    }
}
