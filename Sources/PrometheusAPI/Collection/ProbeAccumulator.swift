import Profiles

/// What the blackbox probes of one target URL saw at each evaluation step, gathered while query
/// results arrive; ``profile(target:plan:)`` turns it into a ``ProbeProfile``.
struct ProbeAccumulator: Sendable {
    /// The share of successful probes in each step.
    var success: [Int: Double] = [:]
    /// The earliest certificate expiry of each step's last probe.
    var expiry: [Int: Double] = [:]
    /// The first and last step each leaf certificate was served at, by fingerprint.
    private var chains: [String: (first: Int, last: Int)] = [:]

    mutating func sight(_ fingerprint: String, step: Int) {
        let seen = chains[fingerprint]
        chains[fingerprint] = (min(seen?.first ?? step, step), max(seen?.last ?? step, step))
    }

    /// The success share at every step with a probe, so that the regression detector dates a
    /// failure within one step; the expiry at each hour's last step with one, hourly since it
    /// only moves when a certificate changes (``certificates`` dates that to the step); and every
    /// certificate with the times of its first and last step, oldest first.
    func profile(target: String, plan: CollectionPlan) -> ProbeProfile {
        var probe = ProbeProfile(target: target)
        if !success.isEmpty {
            probe.successSeries = Series(
                step: PrometheusDuration(milliseconds: plan.stepMilliseconds).description,
                values: success.sorted { $0.key < $1.key }.map { [plan.time(ofStep: $0.key), $0.value] })
        }
        if !expiry.isEmpty {
            var last: [Int64: Double] = [:]
            for (step, time) in expiry.sorted(by: { $0.key < $1.key }) {
                last[Hour.end(of: plan.time(ofStep: step))] = time
            }
            probe.certificateExpirySeries = Series(
                step: "1h", values: last.sorted { $0.key < $1.key }.map { [Double($0.key), $0.value] })
        }
        if !chains.isEmpty {
            probe.certificates = chains.sorted { ($0.value.first, $0.key) < ($1.value.first, $1.key) }.map {
                CertificateSighting(
                    fingerprint: $0.key, first: plan.time(ofStep: $0.value.first),
                    last: plan.time(ofStep: $0.value.last))
            }
        }
        return probe
    }
}
