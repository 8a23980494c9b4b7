/// Parses the JSON of `/api/v1/query` and `/api/v1/query_range` answers.
///
/// Hand-written rather than `Codable` because a cluster-wide range query answers with tens of
/// megabytes of `[<time>, "<value>"]` pairs: this parser reads them straight into ``RangeSeries``
/// arrays, without an intermediate tree, and skips fields it does not know (`infos`, native
/// histograms) so that newer servers keep working.
struct APIResponseParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses a whole response body.
    static func parse(_ body: UnsafeRawBufferPointer) throws(ResponseFormatError) -> APIEnvelope {
        var parser = APIResponseParser(bytes: body.assumingMemoryBound(to: UInt8.self))
        return try parser.parseEnvelope()
    }

    /// Parses a whole response body held in an array.
    static func parse(_ body: [UInt8]) throws(ResponseFormatError) -> APIEnvelope {
        let result: Result<APIEnvelope, ResponseFormatError> = body.withUnsafeBytes { raw in
            do throws(ResponseFormatError) {
                return .success(try parse(raw))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: The envelope

    private mutating func parseEnvelope() throws(ResponseFormatError) -> APIEnvelope {
        var status: String?
        var errorType: String?
        var errorMessage: String?
        var warnings: [String] = []
        var data: (QueryData, QueryStatistics?)?
        try parseObject { (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
            switch key {
            case "status": status = try parser.parseString()
            case "errorType": errorType = try parser.parseString()
            case "error": errorMessage = try parser.parseString()
            case "warnings": warnings = try parser.parseStringArray()
            case "data": data = try parser.parseData()
            default: try parser.skipValue()
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected bytes after the JSON object") }
        switch status {
        case "success":
            guard let (queryData, statistics) = data else {
                throw ResponseFormatError(message: "a success without \"data\"", offset: position)
            }
            return .success(QueryResponse(data: queryData, warnings: warnings, statistics: statistics))
        case "error":
            return .failure(
                errorType: errorType ?? "unknown", error: errorMessage ?? "(no message)", warnings: warnings)
        case let other?:
            throw ResponseFormatError(message: "unknown status \"\(other)\"", offset: position)
        case nil:
            throw ResponseFormatError(message: "no \"status\" field", offset: position)
        }
    }

    /// The result before its type is known: Prometheus writes `resultType` first, but JSON does
    /// not promise key order.
    private enum RawResult {
        case series([RangeSeries])
        case pair(time: Double, value: String)
    }

    private mutating func parseData() throws(ResponseFormatError) -> (QueryData, QueryStatistics?) {
        var resultType: String?
        var raw: RawResult?
        var statistics: QueryStatistics?
        let start = position
        try parseObject { (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
            switch key {
            case "resultType": resultType = try parser.parseString()
            case "result": raw = try parser.parseResult()
            case "stats": statistics = try parser.parseStatistics()
            default: try parser.skipValue()
            }
        }
        switch (resultType, raw) {
        case ("vector", .series(let series)?):
            let samples = series.compactMap { series -> InstantSample? in
                guard let time = series.times.first, let value = series.values.first else { return nil }
                return InstantSample(labels: series.labels, time: time, value: value)
            }
            return (.vector(samples), statistics)
        case ("matrix", .series(let series)?):
            return (.matrix(series), statistics)
        case ("scalar", .pair(let time, let text)?):
            guard let value = Self.sampleValue(text) else {
                throw ResponseFormatError(message: "scalar \"\(text)\" is not a number", offset: start)
            }
            return (.scalar(time: time, value: value), statistics)
        case ("string", .pair(let time, let text)?):
            return (.string(time: time, value: text), statistics)
        case (nil, _):
            throw ResponseFormatError(message: "\"data\" without \"resultType\"", offset: start)
        case (_, nil):
            throw ResponseFormatError(message: "\"data\" without \"result\"", offset: start)
        case (let type?, _):
            throw ResponseFormatError(message: "unexpected result for resultType \"\(type)\"", offset: start)
        }
    }

    private mutating func parseResult() throws(ResponseFormatError) -> RawResult {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .series([])
        }
        if peek() != UInt8(ascii: "{") {
            let time = try parseNumber()
            try expectComma()
            let value = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: "]"))
            return .pair(time: time, value: value)
        }
        var series: [RangeSeries] = []
        try parseElements(closing: UInt8(ascii: "]")) {
            (parser: inout APIResponseParser) throws(ResponseFormatError) in
            series.append(try parser.parseSeries())
        }
        return .series(series)
    }

    private mutating func parseSeries() throws(ResponseFormatError) -> RangeSeries {
        var series = RangeSeries(labels: [:], times: [], values: [])
        try parseObject { (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
            switch key {
            case "metric":
                series.labels = try parser.parseLabels()
            case "value":
                let (time, value) = try parser.parsePoint()
                series.times = [time]
                series.values = [value]
            case "values":
                try parser.parsePoints(into: &series)
            default:
                try parser.skipValue()
            }
        }
        return series
    }

    private mutating func parseLabels() throws(ResponseFormatError) -> [String: String] {
        var labels: [String: String] = [:]
        try parseObject { (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
            labels[key] = try parser.parseString()
        }
        return labels
    }

    private mutating func parsePoints(into series: inout RangeSeries) throws(ResponseFormatError) {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        try parseElements(closing: UInt8(ascii: "]")) {
            (parser: inout APIResponseParser) throws(ResponseFormatError) in
            let (time, value) = try parser.parsePoint()
            series.times.append(time)
            series.values.append(value)
        }
    }

    /// `[<unix seconds>, "<value>"]`.
    private mutating func parsePoint() throws(ResponseFormatError) -> (Double, Double) {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        let time = try parseNumber()
        try expectComma()
        let start = position
        let text = try parseString()
        guard let value = Self.sampleValue(text) else {
            throw ResponseFormatError(message: "sample value \"\(text)\" is not a number", offset: start)
        }
        skipWhitespace()
        try expect(UInt8(ascii: "]"))
        return (time, value)
    }

    private mutating func parseStatistics() throws(ResponseFormatError) -> QueryStatistics {
        var statistics = QueryStatistics(peakSamples: 0, totalQueryableSamples: 0)
        try parseObject { (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
            guard key == "samples" else { return try parser.skipValue() }
            try parser.parseObject {
                (parser: inout APIResponseParser, key: String) throws(ResponseFormatError) in
                switch key {
                case "peakSamples": statistics.peakSamples = Int(try parser.parseNumber())
                case "totalQueryableSamples": statistics.totalQueryableSamples = Int(try parser.parseNumber())
                default: try parser.skipValue()
                }
            }
        }
        return statistics
    }

    /// Prometheus writes sample values as strings so that `NaN` and `±Inf` survive JSON.
    static func sampleValue(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }

    // MARK: JSON building blocks

    private mutating func parseObject(
        _ member: (inout APIResponseParser, String) throws(ResponseFormatError) -> Void
    ) throws(ResponseFormatError) {
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
        try parseElements(closing: UInt8(ascii: "}")) {
            (parser: inout APIResponseParser) throws(ResponseFormatError) in
            parser.skipWhitespace()
            let key = try parser.parseString()
            parser.skipWhitespace()
            try parser.expect(UInt8(ascii: ":"))
            try member(&parser, key)
        }
    }

    /// Parses the elements of an array or the members of an object whose opening bracket is
    /// read, separated by ',', up to and including `closing`.
    private mutating func parseElements(
        closing: UInt8, _ element: (inout APIResponseParser) throws(ResponseFormatError) -> Void
    ) throws(ResponseFormatError) {
        skipWhitespace()
        if peek() == closing {
            position += 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(closing)
            return
        }
    }

    private mutating func parseStringArray() throws(ResponseFormatError) -> [String] {
        skipWhitespace()
        if peek() == UInt8(ascii: "n") {
            try expectLiteral("null")
            return []
        }
        try expect(UInt8(ascii: "["))
        var strings: [String] = []
        try parseElements(closing: UInt8(ascii: "]")) {
            (parser: inout APIResponseParser) throws(ResponseFormatError) in
            strings.append(try parser.parseString())
        }
        return strings
    }

    private mutating func parseString() throws(ResponseFormatError) -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                position = start
                return try parseEscapedString()
            }
            position += 1
        }
        throw failure("unterminated string")
    }

    private mutating func parseEscapedString() throws(ResponseFormatError) -> String {
        var utf8: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes.count - position >= 6,
                        bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        let low = try parseHex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    utf8.append(contentsOf: Array(String(character).utf8))
                default:
                    position -= 1
                    throw failure("invalid escape in a string")
                }
            default:
                utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func parseHex4() throws(ResponseFormatError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(ResponseFormatError) -> Double {
        skipWhitespace()
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
                continue
            default:
                break
            }
            break
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard position > start, let value = Double(text) else {
            position = start
            throw failure("expected a number")
        }
        return value
    }

    private mutating func skipValue() throws(ResponseFormatError) {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"):
            try parseObject { (parser: inout APIResponseParser, _: String) throws(ResponseFormatError) in
                try parser.skipValue()
            }
        case UInt8(ascii: "["):
            position += 1
            try parseElements(closing: UInt8(ascii: "]")) {
                (parser: inout APIResponseParser) throws(ResponseFormatError) in
                try parser.skipValue()
            }
        case UInt8(ascii: "\""):
            _ = try parseString()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        default:
            _ = try parseNumber()
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(ResponseFormatError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw failure("expected \(literal)") }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
            throw failure("expected \(literal)")
        }
        position += count
    }

    private mutating func expectComma() throws(ResponseFormatError) {
        skipWhitespace()
        try expect(UInt8(ascii: ","))
    }

    private mutating func expect(_ byte: UInt8) throws(ResponseFormatError) {
        guard position < bytes.count, bytes[position] == byte else {
            throw failure(
                position < bytes.count ? "expected \"\(Character(Unicode.Scalar(byte)))\"" : "truncated JSON")
        }
        position += 1
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func failure(_ message: String) -> ResponseFormatError {
        ResponseFormatError(message: position < bytes.count ? message : "truncated JSON", offset: position)
    }
}
