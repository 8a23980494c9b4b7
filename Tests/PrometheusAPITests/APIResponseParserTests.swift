import Foundation
import Profiles
import Testing

@testable import PrometheusAPI

@Suite("Parsing the Prometheus HTTP API's JSON")
struct APIResponseParserTests {
    func parse(_ text: String) throws -> APIEnvelope {
        try APIResponseParser.parse(Array(text.utf8))
    }

    @Test("a vector with escaped label values, warnings and statistics")
    func vector() throws {
        let envelope = try parse(
            #"""
            {"status":"success","data":{"resultType":"vector","result":[{"metric":{"pod":"a\"b\\c\u00e9\ud83d\ude00","x":""},"value":[1790121600.5,"0.25"]}],"stats":{"timings":{"evalTotalTime":0.1},"samples":{"totalQueryableSamples":120,"peakSamples":7}}},"warnings":["partial response"],"infos":["ignored"]}
            """#)
        guard case .success(let response) = envelope, case .vector(let samples) = response.data else {
            Issue.record("not a vector: \(envelope)")
            return
        }
        #expect(
            samples == [
                InstantSample(labels: ["pod": "a\"b\\cé😀", "x": ""], time: 1_790_121_600.5, value: 0.25)
            ])
        #expect(response.warnings == ["partial response"])
        #expect(response.statistics == QueryStatistics(peakSamples: 7, totalQueryableSamples: 120))
    }

    @Test("a matrix keeps every point in order, NaN and infinities included")
    func matrix() throws {
        let envelope = try parse(
            """
            { "status" : "success" , "data" : { "result" : [ { "metric" : { } , "values" : [ [ 1 , "1e3" ] , [ 2 , "NaN" ] , [ 3 , "+Inf" ] , [ 4 , "-Inf" ] ] } , {"metric":{"a":"b"},"values":[]} ] , "resultType" : "matrix" } }
            """)
        guard case .success(let response) = envelope, case .matrix(let series) = response.data else {
            Issue.record("not a matrix: \(envelope)")
            return
        }
        #expect(series.count == 2)
        #expect(series[0].times == [1, 2, 3, 4])
        #expect(series[0].values[0] == 1000 && series[0].values[1].isNaN)
        #expect(series[0].values[2] == .infinity && series[0].values[3] == -.infinity)
        #expect(series[1] == RangeSeries(labels: ["a": "b"], times: [], values: []))
    }

    @Test("scalar and string results")
    func scalarAndString() throws {
        guard
            case .success(let scalar) = try parse(
                #"{"status":"success","data":{"resultType":"scalar","result":[5,"2.5"]}}"#),
            case .scalar(5, 2.5) = scalar.data
        else {
            Issue.record("scalar")
            return
        }
        guard
            case .success(let string) = try parse(
                #"{"status":"success","data":{"resultType":"string","result":[5,"hi"]}}"#),
            case .string(5, "hi") = string.data
        else {
            Issue.record("string")
            return
        }
    }

    @Test("an error body gives errorType and error")
    func errorBody() throws {
        let envelope = try parse(
            #"{"status":"error","errorType":"bad_data","error":"1:5: parse error","warnings":null}"#)
        guard case .failure(let type, let message, let warnings) = envelope else {
            Issue.record("not an error: \(envelope)")
            return
        }
        #expect(type == "bad_data" && message == "1:5: parse error" && warnings == [])
    }

    @Test(
        "malformed bodies fail with the byte offset",
        arguments: [
            (
                #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"x"]}]}}"#,
                "sample value \"x\" is not a number at byte 84"
            ),
            (#"{"status":"success","data":{"resultType":"vector","result":["#, "truncated JSON at byte 60"),
            (#"{"status":"success"}"#, "a success without \"data\" at byte 20"),
            ("<html>502 Bad Gateway</html>", "expected \"{\" at byte 0"),
            (
                #"{"status":"success","data":{"resultType":"matrix","result":[]}} x"#,
                "unexpected bytes after the JSON object at byte 64"
            ),
        ])
    func malformed(body: String, message: String) {
        #expect(throws: ResponseFormatError.self) { try parse(body) }
        do {
            _ = try parse(body)
        } catch {
            #expect("\(error)" == message)
        }
    }
}
