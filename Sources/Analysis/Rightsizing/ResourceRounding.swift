import Kubernetes

/// Rounds recommendations to values a human would write, always up so that a recommendation
/// never falls below the margin it promises.
enum ResourceRounding {
    /// Cores to millicores, up to a 5m step up to one core and a 50m step above, not below
    /// `minimum`: `0.1794` → `180m`, `1.23` → `1250m`.
    static func cpu(cores: Double, minimum: Int128) -> Int128 {
        let millicores = clean(cores * 1000)
        let step: Double = millicores <= 1000 ? 5 : 50
        let rounded = Int128((millicores / step).rounded(.up) * step)
        return max(rounded, minimum)
    }

    /// Bytes up to a whole mebibyte, not below `minimum`; `Quantity.memory` writes `Gi` when whole.
    static func memory(bytes: Double, minimum: Int128) -> Int128 {
        let mebibytes = clean(bytes / Double(Quantity.mebi))
        return max(Int128(mebibytes.rounded(.up)) * Quantity.mebi, minimum)
    }

    /// The value rounded to six decimals, so that binary floating-point noise
    /// (0.2 × 1.15 × 1000 = 229.99999999999997) does not push it into the next step.
    private static func clean(_ value: Double) -> Double {
        (value * 1e6).rounded() / 1e6
    }
}
