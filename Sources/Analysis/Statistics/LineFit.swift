/// A straight line `y = intercept + slope × x` fitted to points, with its goodness of fit.
struct LineFit: Sendable, Hashable {
    var slope: Double
    var intercept: Double
    /// 1 − (sum of squared residuals) / (total sum of squares around the mean); 0 for flat data.
    var rSquared: Double

    func value(at x: Double) -> Double { intercept + slope * x }

    /// The Theil–Sen estimator: the slope is the median of the slopes between every two points,
    /// the intercept the median of `y − slope × x`. Robust: up to 29 % of the points may be
    /// outliers (a spike, a missed scrape) without moving the line. Nil with fewer than two
    /// distinct x values.
    static func theilSen(_ points: [(x: Double, y: Double)]) -> LineFit? {
        var slopes: [Double] = []
        slopes.reserveCapacity(points.count * (points.count - 1) / 2)
        for i in points.indices {
            for j in points.indices where j > i && points[j].x != points[i].x {
                slopes.append((points[j].y - points[i].y) / (points[j].x - points[i].x))
            }
        }
        guard let slope = Statistics.median(slopes),
            let intercept = Statistics.median(points.map { $0.y - slope * $0.x }),
            let mean = Statistics.mean(points.map(\.y))
        else { return nil }
        let total = points.reduce(0) { $0 + ($1.y - mean) * ($1.y - mean) }
        let residual = points.reduce(0) { sum, point in
            let error = point.y - (intercept + slope * point.x)
            return sum + error * error
        }
        let rSquared = total > 0 ? max(0, 1 - residual / total) : 0
        return LineFit(slope: slope, intercept: intercept, rSquared: rSquared)
    }
}
