/// Reproducible pseudo-random numbers addressed by position rather than drawn in sequence, so
/// that any sample of a generated history can be recomputed on its own (SplitMix64's mixer).
public struct DeterministicNoise: Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// A value in `0..<1` for the given coordinates.
    public func unit(_ a: Int, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0) -> Double {
        Double(bits(a, b, c, d) >> 11) / Double(1 << 53)
    }

    /// 64 well-mixed bits for the given coordinates.
    public func bits(_ a: Int, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0) -> UInt64 {
        var x = seed
        for value in [a, b, c, d] {
            x = Self.mix(x &+ UInt64(bitPattern: Int64(value)) &* 0x9E37_79B9_7F4A_7C15)
        }
        return x
    }

    /// A lowercase name suffix like Kubernetes' generated ones (`7d9f8c6b5`, `x7k2p`).
    public func suffix(_ length: Int, _ a: Int, _ b: Int = 0) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var value = bits(a, b, 7919)
        var text = ""
        for _ in 0..<length {
            text.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
            if value == 0 { value = bits(a, b, text.count) }
        }
        return text
    }

    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
