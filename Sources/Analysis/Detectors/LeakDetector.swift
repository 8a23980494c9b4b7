import Kubernetes
import Profiles

/// Tells a leak from real demand: a working set that grows steadily since its last reset and
/// would reach its limit within the horizon.
///
/// The memory series is cut into stretches at resets (a fall by more than
/// ``RecommenderSettings/leakResetDropPercent`` from one point to the next: a restart) and at
/// rollouts (new pods). The last stretch, if it spans at least
/// ``RecommenderSettings/leakMinimumSpanSeconds``, gets a Theil–Sen line; a leak is suspected when
/// the line rises, fits well (R² ≥ ``RecommenderSettings/leakMinimumFit``), grew by at least
/// ``RecommenderSettings/leakMinimumGrowthPercent`` over the stretch, and reaches the memory limit
/// (else the request) within ``RecommenderSettings/leakHorizonSeconds`` after the stretch's last
/// point: a projection from the data alone, which an auditor recomputes from the profiles file.
///
/// A daily cycle does not fit a line over a day or more; a step at a rollout is cut at the
/// rollout; a cache that fills and levels off fits poorly. Each of these is real demand, sized
/// by right-sizing; a leak is reported and never sized for.
struct LeakDetector {
    let settings: RecommenderSettings

    func detect(_ profile: UsageProfile, container: ContainerSpec) -> LeakEvidence? {
        guard let stretch = lastStretch(profile), let first = stretch.first, let last = stretch.last,
            last.time - first.time >= settings.leakMinimumSpanSeconds
        else { return nil }
        let points = Self.thinned(stretch).map { (x: ($0.time - first.time) / 3600, y: $0.value) }
        guard let fit = LineFit.theilSen(points), fit.slope > 0, fit.rSquared >= settings.leakMinimumFit
        else {
            return nil
        }
        let hours = (last.time - first.time) / 3600
        let start = fit.value(at: 0)
        guard start > 0, fit.slope * hours >= start * settings.leakMinimumGrowthPercent / 100 else {
            return nil
        }
        let (limit, field) = Self.ceiling(profile, container: container)
        guard let limit else { return nil }
        let fittedAtEnd = fit.value(at: hours)
        let secondsToLimit = max(0, (limit - fittedAtEnd) / fit.slope * 3600)
        guard secondsToLimit <= settings.leakHorizonSeconds else { return nil }
        return LeakEvidence(
            slopeBytesPerHour: fit.slope.rounded(), fittedAtEnd: fittedAtEnd.rounded(),
            rSquared: (fit.rSquared * 1000).rounded() / 1000, start: first.time, end: last.time,
            points: stretch.count, limit: limit, limitField: field, secondsToLimit: secondsToLimit.rounded(),
            horizonSeconds: settings.leakHorizonSeconds)
    }

    /// The most points a line is fitted through: Theil–Sen compares every two points, so two
    /// weeks of hourly points (56 616 slopes) bound the work per container, whatever the window.
    static let maximumFitPoints = 336

    /// At most ``maximumFitPoints`` of `points`, evenly spaced: every ⌈n / 336⌉-th point counted
    /// back from the last, so that the newest point is always fitted.
    static func thinned(_ points: [(time: Double, value: Double)]) -> [(time: Double, value: Double)] {
        guard points.count > maximumFitPoints else { return points }
        let step = (points.count + maximumFitPoints - 1) / maximumFitPoints
        return stride(from: points.count - 1, through: 0, by: -step).reversed().map { points[$0] }
    }

    /// The points since the last reset or rollout, oldest first.
    private func lastStretch(_ profile: UsageProfile) -> [(time: Double, value: Double)]? {
        let points = (profile.memorySeries?.points ?? []).filter { $0.value.isFinite }.sorted {
            $0.time < $1.time
        }
        guard !points.isEmpty else { return nil }
        let rollouts = (profile.rollouts ?? []).map(\.created)
        let keep = 1 - settings.leakResetDropPercent / 100
        var start = 0
        for index in points.indices.dropFirst() {
            let previous = points[index - 1]
            let point = points[index]
            let reset = point.value < previous.value * keep
            let rolledOut = rollouts.contains { $0 > previous.time && $0 <= point.time }
            if reset || rolledOut {
                start = index
            }
        }
        return Array(points[start...])
    }

    /// What the working set runs into: the memory limit (Git's, else the live one), else the
    /// request, with the field's name.
    static func ceiling(_ profile: UsageProfile, container: ContainerSpec) -> (Double?, String?) {
        if let limit = container.resources[.limitsMemory]?.value ?? profile.limits?.memory {
            return (limit, ResourceField.limitsMemory.rawValue)
        }
        if let request = container.resources[.requestsMemory]?.value ?? profile.requests?.memory {
            return (request, ResourceField.requestsMemory.rawValue)
        }
        return (nil, nil)
    }
}
