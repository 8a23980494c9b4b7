/// One query of a collection and what its answer feeds.
struct QueryJob: Sendable {
    enum Kind: Sendable {
        case podOwners, replicaSetOwners, jobOwners, replicaSetCreated
        case cpu, memory, oomKills, restarts, throttledPeriods, cfsPeriods, requests, limits
        case memoryPeaks, restartSteps, oomKillLimits, terminationReasons
        case probeSuccess, probeExpiry, probeChains
    }

    enum Evaluation: Sendable {
        case instant(at: Double)
        case range(start: Double, end: Double)
    }

    var kind: Kind
    var query: String
    var evaluation: Evaluation
}
