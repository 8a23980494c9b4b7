/// A burst of working set between two scrapes of the history's grid, as a cAdvisor scraped more
/// often than the collection's step sees it: samples of `bytes` at `at` and at `at + seconds`,
/// then the usage of the next scrape again.
///
/// It is written only where the container runs the same instance at the scrapes before and
/// after it, and never on the grid, so every value at a step's instant stays as it was: a
/// collector finds the spike only by reading the samples between steps.
public struct MemorySpike: Sendable, Hashable {
    /// Unix seconds of the spike's first sample; not a multiple of the history's interval.
    public var at: Int64
    /// How long the spike lasts; `at + seconds` must fall before the next scrape.
    public var seconds: Int64
    public var bytes: Double

    public init(at: Int64, seconds: Int64, bytes: Double) {
        self.at = at
        self.seconds = seconds
        self.bytes = bytes
    }

    /// The sample times of the spike.
    var times: [Int64] { [at, at + seconds] }
}
