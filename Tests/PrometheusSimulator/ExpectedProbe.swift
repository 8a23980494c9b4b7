/// What a correct collector reports for one probed target over a window, computed from the
/// generator's model.
public struct ExpectedProbe: Sendable, Equatable {
    /// A leaf certificate and the first and last step (unix seconds) a probe was served it in.
    public struct Sighting: Sendable, Equatable {
        public var fingerprint: String
        public var first: Double
        public var last: Double
    }

    public var target: String
    /// `[t, share]` per step `(t − step, t]` with a probe: the share of successful probes, averaged
    /// over the target's probes.
    public var successSeries: [[Double]]
    /// `[t, expiry]` per hour: the earliest expiry of the hour's last probe; empty for http.
    public var certificateExpirySeries: [[Double]]
    /// Oldest first.
    public var certificates: [Sighting]
}

extension ClusterHistory {
    /// The probes of `cluster` (every cluster when nil) over `(windowStart, windowEnd]`, evaluated
    /// every ``interval``, sorted by target. Targets probed in several clusters are pooled, as
    /// the collector's `by (instance)` pools them.
    public func expectedProbes(cluster: String?, windowStart: Int64, windowEnd: Int64) -> [ExpectedProbe] {
        let chosen = probes.filter { cluster == nil || $0.cluster == cluster }
        let targets = Set(chosen.map(\.target)).sorted()
        return targets.map { target in
            let probes = chosen.filter { $0.target == target }
            var success: [[Double]] = []
            var expiry: [Int64: Double] = [:]
            var sightings: [String: (first: Int64, last: Int64)] = [:]
            var order: [String] = []
            var stepEnd = windowStart + interval
            while stepEnd <= windowEnd {
                let hour = Self.hourEnd(of: stepEnd)
                var shares: [Double] = []
                var expiries: [Double] = []
                for probe in probes {
                    let times = probe.times(from: stepEnd - interval + 1, to: stepEnd)
                    guard !times.isEmpty else { continue }
                    shares.append(Double(times.count { probe.succeeds(at: $0) }) / Double(times.count))
                    if let last = times.last, let certificate = probe.certificate(at: last) {
                        expiries.append(Double(certificate.expiry))
                    }
                    for time in times {
                        guard let certificate = probe.certificate(at: time) else { continue }
                        let seen = sightings[certificate.fingerprint]
                        if seen == nil { order.append(certificate.fingerprint) }
                        sightings[certificate.fingerprint] = (seen?.first ?? stepEnd, stepEnd)
                    }
                }
                if !shares.isEmpty {
                    let share = shares.reduce(0, +) / Double(shares.count)
                    success.append([Double(stepEnd), share])
                }
                if let soonest = expiries.min() {
                    expiry[hour] = soonest
                }
                stepEnd += interval
            }
            return ExpectedProbe(
                target: target,
                successSeries: success,
                certificateExpirySeries: expiry.keys.sorted().map { [Double($0), expiry[$0]!] },
                certificates: order.map {
                    ExpectedProbe.Sighting(
                        fingerprint: $0, first: Double(sightings[$0]!.first),
                        last: Double(sightings[$0]!.last))
                })
        }
    }
}
