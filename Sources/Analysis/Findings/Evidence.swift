/// The numbers a finding was computed from, so that an auditor can recompute it.
public struct Evidence: Codable, Sendable, Hashable {
    /// The rule that turned the numbers into proposals, in words.
    public var rule: String
    /// The observation window, unix seconds.
    public var windowStart: Double
    public var windowEnd: Double
    /// 95th percentile of CPU usage, cores.
    public var cpuP95: Double?
    public var cpuSamples: Int?
    /// Highest memory working set of any pod, bytes.
    public var memoryMax: Double?
    public var memorySamples: Int?

    public init(
        rule: String, windowStart: Double, windowEnd: Double, cpuP95: Double? = nil, cpuSamples: Int? = nil,
        memoryMax: Double? = nil, memorySamples: Int? = nil
    ) {
        self.rule = rule
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.cpuP95 = cpuP95
        self.cpuSamples = cpuSamples
        self.memoryMax = memoryMax
        self.memorySamples = memorySamples
    }
}
