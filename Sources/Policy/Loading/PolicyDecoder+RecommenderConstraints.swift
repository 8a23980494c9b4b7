import YAMLSyntax

extension PolicyDecoder {
    /// Checks the knobs that bound each other, in `block` merged over `global` (knob by knob, as
    /// a workload gets them). Only a conflict `block` takes part in is reported, at `block`'s knob;
    /// another knob is named with its value, and with `spec.recommender` when it comes from there.
    mutating func checkConstraints(of block: RecommenderBlock, over global: RecommenderBlock?) {
        var merged = global?.values ?? [:]
        merged.merge(block.values) { $1 }
        func amount(_ knob: RecommenderKnob) -> Double? {
            if case .amount(let amount, _)? = merged[knob] { return amount }
            return nil
        }
        if let lower = amount(.regressionMinimumBaseline), let upper = amount(.regressionBaseline),
            lower > upper
        {
            report(block, merged, at: [.regressionMinimumBaseline, .regressionBaseline]) { knob, named in
                (knob == .regressionBaseline
                    ? "is shorter than \(named(.regressionMinimumBaseline))"
                    : "is longer than \(named(.regressionBaseline))")
                    + ": no onset would have its baseline, so no regression would ever be found"
            }
        }
        if amount(.oomBumpPercent) == 0, amount(.oomBumpMinimum) == 0 {
            report(block, merged, at: [.oomBumpPercent, .oomBumpMinimum]) { knob, named in
                "and \(named(knob == .oomBumpPercent ? .oomBumpMinimum : .oomBumpPercent)) raise nothing "
                    + "after an OOM kill: set one of them above 0"
            }
        }
        let raises = merged[.throttlingResponse].map { $0 == .throttlingResponse(.raise) } ?? true
        if raises, amount(.throttlingBumpPercent) == 0, amount(.throttlingMinimumBump) == 0 {
            let knobs: [RecommenderKnob] = [
                .throttlingBumpPercent, .throttlingMinimumBump, .throttlingResponse,
            ]
            report(block, merged, at: knobs) { knob, named in
                switch knob {
                case .throttlingResponse:
                    "raises nothing with \(named(.throttlingBumpPercent)) and \(named(.throttlingMinimumBump))"
                        + ": set one of them above 0, or the response to remove or report"
                default:
                    "and \(named(knob == .throttlingBumpPercent ? .throttlingMinimumBump : .throttlingBumpPercent))"
                        + " raise nothing for a throttled container: set one of them above 0, or "
                        + "throttling.response to remove or report"
                }
            }
        }
    }

    /// Reports a conflict between `knobs` at the first of them `block` sets, or not at all when it
    /// sets none (then the conflict is `spec.recommender`'s own, reported there). `rest` finishes
    /// the message after the knob and its value, given a way to name any other knob.
    private mutating func report(
        _ block: RecommenderBlock, _ merged: [RecommenderKnob: RecommenderValue], at knobs: [RecommenderKnob],
        _ rest: (RecommenderKnob, (RecommenderKnob) -> String) -> String
    ) {
        guard let knob = knobs.first(where: { block.nodes[$0] != nil }), let node = block.nodes[knob],
            let value = block.values[knob]
        else { return }
        let named = { (other: RecommenderKnob) -> String in
            let origin = block.values[other] == nil ? " in spec.recommender" : ""
            return "\(other.rawValue) \(merged[other].map { "\($0)" } ?? "")\(origin)"
        }
        reader.report(node, "\(block.location).\(knob.rawValue): \(value) \(rest(knob, named))")
    }
}
