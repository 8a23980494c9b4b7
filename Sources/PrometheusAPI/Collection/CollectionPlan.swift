import Profiles

/// The evaluation times of one collection: the window cut into time chunks of at most
/// ``CollectionOptions/pointsPerQuery`` steps each.
struct CollectionPlan: Sendable {
    /// One time chunk: steps `firstStep...lastStep`, evaluated at `start + k · step`.
    struct Chunk: Sendable {
        var firstStep: Int
        var lastStep: Int
    }

    /// The window's start and end, unix milliseconds; usage is evaluated in `(start, end]`.
    let startMilliseconds: Int64
    let endMilliseconds: Int64
    let stepMilliseconds: Int64
    /// The number of evaluation steps in the window.
    let stepCount: Int
    let chunks: [Chunk]

    init(end: Double, options: CollectionOptions) {
        stepMilliseconds = options.step.milliseconds
        endMilliseconds = Int64((end * 1000).rounded())
        stepCount = max(1, Int(options.window.milliseconds / stepMilliseconds))
        startMilliseconds = endMilliseconds - Int64(stepCount) * stepMilliseconds
        var chunks: [Chunk] = []
        var first = 1
        while first <= stepCount {
            let last = min(stepCount, first + options.pointsPerQuery - 1)
            chunks.append(Chunk(firstStep: first, lastStep: last))
            first = last + 1
        }
        self.chunks = chunks
    }

    /// The evaluation time of step `k`, unix seconds.
    func time(ofStep step: Int) -> Double {
        Double(startMilliseconds + Int64(step) * stepMilliseconds) / 1000
    }

    /// The step a sample time belongs to, or nil outside `1...stepCount`.
    func step(at time: Double) -> Int? {
        let milliseconds = Int64((time * 1000).rounded())
        let offset = milliseconds - startMilliseconds
        let step = Int((Double(offset) / Double(stepMilliseconds)).rounded())
        return (1...stepCount).contains(step) ? step : nil
    }

    /// The chunk's length as a PromQL duration, for subqueries evaluated at the chunk's end.
    func duration(of chunk: Chunk) -> PrometheusDuration {
        PrometheusDuration(milliseconds: Int64(chunk.lastStep - chunk.firstStep + 1) * stepMilliseconds)
    }

    var window: Window {
        Window(start: Double(startMilliseconds) / 1000, end: Double(endMilliseconds) / 1000)
    }
}
