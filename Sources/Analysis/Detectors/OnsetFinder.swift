import Profiles

/// Finds when something began in a series: the first step of an anomaly after a quiet stretch.
struct OnsetFinder {
    let settings: RecommenderSettings

    /// For a count series (restarts, OOM kills): the latest step with a count whose preceding
    /// baseline (up to ``RecommenderSettings/baselineSeconds``, at least
    /// ``RecommenderSettings/minimumBaselineSeconds``) counted nothing, and from which on at least
    /// `threshold` were counted. The threshold is a count over the rest of the series and the
    /// baseline a span in seconds, so both mean the same whatever the series' step: a finer step
    /// only dates the onset more closely. Steps a series leaves out count as 0.
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

    /// For a probe: the latest hour whose success share fell below the threshold after a baseline
    /// of hours that never did, and after which the mean share stays below it; dated to the first
    /// failing step of that hour, or earlier where failing steps run back into the hour before.
    ///
    /// The threshold is judged on hourly shares whatever the series' step, as it was on the
    /// hourly series of older profiles files: a share over a 5-minute step rests on a few probes,
    /// and one failed probe there is no failing baseline.
    func probeOnset(_ probe: ProbeProfile) -> Anomaly? {
        guard let series = probe.successSeries else { return nil }
        let points = series.points.sorted { $0.time < $1.time }
        guard let first = points.first, let last = points.last else { return nil }
        let step = Self.step(of: series)
        let threshold = settings.probeSuccessThreshold
        let hourStep = max(step, Self.hour)
        let hours = Self.hourly(points, step: step)
        var found: Anomaly?
        for (index, hour) in hours.enumerated() where hour.value < threshold {
            let hourStart = hour.time - hourStep
            let baselineStart = max(first.time - step, hourStart - settings.baselineSeconds)
            let baselineHours = hours[..<index].filter { $0.time > baselineStart }.map(\.value)
            guard hourStart - baselineStart >= settings.minimumBaselineSeconds,
                baselineHours.allSatisfy({ $0 >= threshold }),
                let hourlyAfter = Statistics.mean(hours[index...].map(\.value)), hourlyAfter < threshold,
                var onset = points.firstIndex(where: { $0.time > hourStart && $0.value < threshold })
            else { continue }
            while onset > 0, points[onset - 1].value < threshold, points[onset - 1].time > baselineStart,
                points[onset].time - points[onset - 1].time <= step
            {
                onset -= 1
            }
            let onsetStart = points[onset].time - step
            let baseline = points[..<onset].filter { $0.time > baselineStart }.map(\.value)
            guard let before = Statistics.mean(baseline),
                let afterMean = Statistics.mean(points[onset...].map(\.value))
            else { continue }
            found = Anomaly(
                signal: .probeFailure, source: probe.target, onset: points[onset].time, step: step,
                before: (before * 1000).rounded() / 1000, after: (afterMean * 1000).rounded() / 1000,
                baselineSeconds: onsetStart - baselineStart, afterSeconds: last.time - onsetStart,
                lastSeen: points.last { $0.value < threshold }?.time)
        }
        return found
    }

    /// The hour the probe threshold is judged over, seconds.
    private static let hour: Double = 3600

    /// The mean of the points in each hour `(t − 1h, t]`, labelled by its end `t`, oldest first;
    /// a series at a step of an hour or more as it is.
    static func hourly(_ points: [(time: Double, value: Double)], step: Double) -> [(
        time: Double, value: Double
    )] {
        guard step < hour else { return points }
        var hours: [Double: (sum: Double, count: Int)] = [:]
        for point in points {
            let end = (point.time / hour).rounded(.up) * hour
            let sofar = hours[end] ?? (0, 0)
            hours[end] = (sofar.sum + point.value, sofar.count + 1)
        }
        return hours.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sum / Double($0.value.count)) }
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
