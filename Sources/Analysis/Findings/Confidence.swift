import Profiles

/// How much a finding can be trusted, and why: a score from 0 to 1, a level, and the basis.
public struct Confidence: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable, Hashable {
        case high
        case medium
        case low
    }

    /// 0…1, rounded to two decimals so that it reads and compares the same everywhere.
    public var score: Double
    public var level: Level
    /// What the score rests on, in words, e.g. `7 days of history`.
    public var basis: String

    public init(score: Double, level: Level, basis: String) {
        self.score = (min(1, max(0, score)) * 100).rounded() / 100
        self.level = level
        self.basis = basis
    }

    /// The confidence of an estimate from `seconds` of history: `days / (days + 1)`, the inverse
    /// of VPA's upper-bound factor `1 + 1/days` (×2 after one day, ×1.14 after a week). High from
    /// 7 days, medium from 1 day, low below.
    public static func fromHistory(seconds: Double) -> Confidence {
        let days = max(0, seconds) / 86_400
        let level: Level = days >= 7 ? .high : days >= 1 ? .medium : .low
        return Confidence(
            score: days / (days + 1), level: level, basis: "\(Text.duration(seconds)) of history")
    }

    /// Full confidence in something observed directly (an OOM kill, throttling counters).
    public static func observed(_ basis: String) -> Confidence {
        Confidence(score: 1, level: .high, basis: basis)
    }
}
