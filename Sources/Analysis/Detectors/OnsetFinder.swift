import Profiles

/// Finds when something began in a series: the first step of an anomaly after a quiet stretch.
struct OnsetFinder {
    let settings: RecommenderSettings

    /// For a count series (restarts, OOM kills): the latest step with a count whose preceding
    /// baseline (up to ``RecommenderSettings/baselineSeconds``, at least
    /// ``RecommenderSettings/minimumBaselineSeconds``) counted nothing, and from which on at least
    /// `threshold` were counted.
    func countOnset(_ series: Series, signal: Anomaly.Signal, source: String, threshold: Int) -> Anomaly? {
        let points = series.points.sorted { $0.time < $1.time }
        guard let first = points.first, let last = points.last else { return nil }
        let step = Self.step(of: series)
        var found: Anomaly?
        for (index, point) in points.enumerated() where point.value > 0 {
            let onsetStart = point.time - step
            let baselineStart = max(first.time - step, onsetStart - settings.baselineSeconds)
            let baseline = points[..<index].filter { $0.time > baselineStart }
            let before = baseline.reduce(0) { $0 + $1.value }
            let after = points[index...].reduce(0) { $0 + $1.value }
            guard onsetStart - baselineStart >= settings.minimumBaselineSeconds, before == 0,
                after >= Double(threshold)
            else { continue }
            found = Anomaly(
                signal: signal, source: source, onset: point.time, step: step, before: before, after: after,
                baselineSeconds: onsetStart - baselineStart, afterSeconds: last.time - onsetStart,
                lastSeen: points.last { $0.value > 0 }?.time)
        }
        return found
    }

    /// For a probe: the latest step whose success share fell below the threshold after a baseline
    /// that never did, and after which the mean share stays below it.
    func probeOnset(_ probe: ProbeProfile) -> Anomaly? {
        guard let series = probe.successSeries else { return nil }
        let points = series.points.sorted { $0.time < $1.time }
        guard let first = points.first, let last = points.last else { return nil }
        let step = Self.step(of: series)
        let threshold = settings.probeSuccessThreshold
        var found: Anomaly?
        for (index, point) in points.enumerated() where point.value < threshold {
            let onsetStart = point.time - step
            let baselineStart = max(first.time - step, onsetStart - settings.baselineSeconds)
            let baseline = points[..<index].filter { $0.time > baselineStart }.map(\.value)
            let after = points[index...].map(\.value)
            guard onsetStart - baselineStart >= settings.minimumBaselineSeconds,
                baseline.allSatisfy({ $0 >= threshold }), let before = Statistics.mean(baseline),
                let afterMean = Statistics.mean(after), afterMean < threshold
            else { continue }
            found = Anomaly(
                signal: .probeFailure, source: probe.target, onset: point.time, step: step,
                before: (before * 1000).rounded() / 1000, after: (afterMean * 1000).rounded() / 1000,
                baselineSeconds: onsetStart - baselineStart, afterSeconds: last.time - onsetStart,
                lastSeen: points.last { $0.value < threshold }?.time)
        }
        return found
    }

    /// For a probe's certificates: each new chain that expires sooner than the one before and
    /// within ``RecommenderSettings/certificateExpirySeconds`` of `now`. The onset is when the new
    /// chain was first seen.
    func certificateAnomalies(_ probe: ProbeProfile, now: Double) -> [Anomaly] {
        let sightings = (probe.certificates ?? []).sorted { $0.first < $1.first }
        let expiries = (probe.certificateExpirySeries?.points ?? []).sorted { $0.time < $1.time }
        var anomalies: [Anomaly] = []
        for (old, new) in zip(sightings, sightings.dropFirst()) {
            guard let before = expiries.last(where: { $0.time <= old.last })?.value,
                let after = expiries.first(where: { $0.time >= new.first })?.value,
                after < before, after - now < settings.certificateExpirySeconds
            else { continue }
            anomalies.append(
                Anomaly(
                    signal: .certificateExpiry, source: probe.target, onset: new.first, step: 0,
                    before: before,
                    after: after, baselineSeconds: old.last - old.first, afterSeconds: new.last - new.first))
        }
        return anomalies
    }

    /// The step of a series in seconds: its Prometheus duration, else the median spacing of its
    /// points, else an hour.
    static func step(of series: Series) -> Double {
        if let duration = PrometheusDuration(series.step) {
            return Double(duration.milliseconds) / 1000
        }
        let times = series.points.map(\.time).sorted()
        let gaps = zip(times, times.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
        return Statistics.median(gaps) ?? 3600
    }
}
