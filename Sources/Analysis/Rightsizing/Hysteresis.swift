import Kubernetes
import Profiles

extension RecommenderSettings {
    /// Whether moving `field` from `current` to `proposed` is too small to be worth a pull
    /// request: less than ``hysteresisPercent`` of the current value, or less than the absolute
    /// step (``hysteresisCPUMillicores``, ``hysteresisMemoryBytes``). Setting a missing field is
    /// never too small.
    func withinHysteresis(_ field: ResourceField, from current: Quantity?, to proposed: Quantity) -> Bool {
        guard let current else { return false }
        let delta = abs(proposed.nanos - current.nanos)
        let absolute =
            field.resource == "cpu"
            ? hysteresisCPUMillicores * 1_000_000 : hysteresisMemoryBytes * 1_000_000_000
        let relative = Double(current.nanos) * hysteresisPercent / 100
        return delta < absolute || Double(delta) < relative
    }

    /// The hysteresis rule in words, for evidence.
    var hysteresisText: String {
        "changes under \(Text.number(hysteresisPercent)) % or under \(hysteresisCPUMillicores)m CPU / "
            + "\(hysteresisMemoryBytes / Quantity.mebi)Mi memory are not proposed"
    }
}
