/// How much of the window a profile's samples cover.
public struct Coverage: Codable, Sendable, Equatable {
    /// Seconds of the window in which at least one pod of the workload had a usage sample:
    /// the number of evaluation steps with a sample times the step.
    public var seconds: Double
    /// ``seconds`` divided by the window's length, 0...1.
    public var ratio: Double
    /// The first and the last evaluation time with a sample, unix seconds.
    public var first: Double
    public var last: Double

    public init(seconds: Double, ratio: Double, first: Double, last: Double) {
        self.seconds = seconds
        self.ratio = ratio
        self.first = first
        self.last = last
    }
}
