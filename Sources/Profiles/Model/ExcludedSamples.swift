/// Samples left out of a profile's percentiles and peak because they describe a broken run, not
/// what the container needs: those of a pod's container while it was crash-looping.
public struct ExcludedSamples: Codable, Sendable, Hashable {
    /// Why they were left out: `crash loop`.
    public var reason: String
    /// How many CPU and memory samples (one per pod and step) were left out.
    public var cpu: Int
    public var memory: Int
    /// The first and the last step with a sample left out, unix seconds.
    public var from: Double
    public var until: Double

    public init(reason: String, cpu: Int, memory: Int, from: Double, until: Double) {
        self.reason = reason
        self.cpu = cpu
        self.memory = memory
        self.from = from
        self.until = until
    }

    /// `left out 96 CPU and 96 memory samples of a crash loop between 2026-09-22T18:10:00Z and
    /// 2026-09-22T22:00:00Z`.
    public var description: String {
        "left out \(cpu) CPU and \(memory) memory samples of a \(reason) between \(Text.time(from)) and "
            + Text.time(until)
    }
}
