import Profiles
import StewardReports

/// A Mermaid `xychart-beta` of a container's memory over the window, with its current and
/// proposed limits as flat lines: the picture a reviewer checks the proposal against. GitHub and
/// GitLab render it natively.
struct MemoryChart: Sendable {
    var title: String
    /// The x-axis title and length: `days since 2026-11-21`, `7`.
    var axis: String
    var axisEnd: String
    /// The y-axis maximum in MiB.
    var ceiling: String
    /// Comma-separated MiB values, one per point.
    var usage: String
    /// The limits as flat lines; nil when the container has none.
    var currentLine: String?
    var proposedLine: String?
    /// `6-hour`, `hourly`.
    var resolution: String
    var current: String
    var proposed: String

    /// The most points drawn; longer series are reduced to the peak of each run of points, so the
    /// highest usage always shows.
    static let maximumPoints = 56

    /// A chart of `series` (bytes) against the limits, or nil without a series.
    init?(title: String, series: Series?, window: Window, current: Double?, proposed: Double?) {
        guard let series, !series.values.isEmpty else { return nil }
        let values = series.values.compactMap { $0.count == 2 ? $0[1] : nil }
        guard let peak = values.max() else { return nil }
        let bucket = (values.count + Self.maximumPoints - 1) / Self.maximumPoints
        // Every bucket starts before the end, so none is empty and none is dropped.
        let peaks = stride(from: 0, to: values.count, by: bucket).compactMap { start in
            values[start..<min(start + bucket, values.count)].max()
        }
        let mebibytes = { (bytes: Double) in Text.mebibyteFigure(bytes) }
        let limit = { (bytes: Double?) in
            bytes.map { Array(repeating: mebibytes($0), count: peaks.count).joined(separator: ", ") }
        }
        let top = max(peak, current ?? peak, proposed ?? peak) / 1_048_576
        self.title = title
        axis = "days since \(Text.date(window.start))"
        axisEnd = Text.number(window.duration / 86_400)
        ceiling = String(Int((top * 1.1 / 64).rounded(.up)) * 64)
        usage = peaks.map(mebibytes).joined(separator: ", ")
        currentLine = limit(current)
        proposedLine = limit(proposed)
        let step = PrometheusDuration(series.step).map { Double($0.milliseconds) / 1000 } ?? 3_600
        let hours = step * Double(bucket) / 3_600
        resolution = hours == 1 ? "hourly" : "\(Text.number(hours))-hour"
        self.current = current.map { "\(mebibytes($0)) MiB" } ?? "none"
        self.proposed = proposed.map { "\(mebibytes($0)) MiB" } ?? "none"
    }
}
