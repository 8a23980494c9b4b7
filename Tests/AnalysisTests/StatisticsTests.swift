import PropertyBased
import Testing

@testable import Analysis

/// The median by selection agrees with the median of the sorted values, duplicates and all, and
/// the Theil–Sen line ignores outliers.
@Suite struct StatisticsTests {
    @Test func medianBySelectionIsTheMedianOfTheSortedValues() async {
        await propertyCheck(count: 2000, input: Gen.int(in: -50...50).array(of: 1...300)) { numbers in
            let values = numbers.map { Double($0) / 4 }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let expected = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            #expect(Statistics.median(values) == expected, "\(values)")
        }
        #expect(Statistics.median([]) == nil)
    }

    @Test func theilSenIgnoresOutliers() throws {
        // y = 3 + 2x, with two wild points out of ten.
        var points = (0..<10).map { (x: Double($0), y: 3 + 2 * Double($0)) }
        points[3].y = 500
        points[7].y = -400
        let fit = try #require(LineFit.theilSen(points))
        #expect(fit.slope == 2)
        #expect(fit.intercept == 3)
        #expect(LineFit.theilSen([(x: 1, y: 1), (x: 1, y: 2)]) == nil)
    }

    @Test func longStretchesAreThinnedKeepingTheNewestPoint() {
        let points = (0..<720).map { (time: Double($0) * 3600, value: Double($0)) }
        let thinned = LeakDetector.thinned(points)
        // ⌈720 / 336⌉ = 3: every third point counted back from the last, 240 of them.
        #expect(thinned.count == 240)
        #expect(thinned.last?.value == 719)
        #expect(thinned.first?.value == 2)
        #expect(LeakDetector.thinned(Array(points.prefix(336))).count == 336)
    }
}
