import PropertyBased
import Testing
import YAMLSyntax

/// Generated documents print back exactly, parse to the data they were built from, and an edit
/// changes only the bytes of the edited scalar.
@Suite struct PropertyTests {
    static let recipes = Gen.int(in: 0...65_535).array(of: 1...60)
    static let newValues = ["42", "x y", "it's", "a: b", "", "true", "500m", "line\nbreak", "#tag", "é"]

    @Test func printParseRoundTrip() async {
        await propertyCheck(count: 300, input: Self.recipes) { numbers in
            let recipe = DocumentRecipe(numbers)
            let bytes = Array(recipe.text.utf8)
            do {
                let file = try YAMLFile(bytes: bytes, path: "generated.yaml")
                try TriviaTests.check("generated.yaml", bytes)
                #expect(file.documents.count == 1)
                #expect(file.documents.first?.value == recipe.value, "\(recipe.text)")
            } catch {
                Issue.record("generated document did not parse: \(error)\n\(recipe.text)")
            }
        }
    }

    @Test func editsChangeOnlyTheEditedBytes() async {
        var edits = 0
        await propertyCheck(
            count: 300, input: Self.recipes, Gen.int(in: 0...1000),
            Gen.int(in: 0...(Self.newValues.count - 1))
        ) {
            numbers, pick, valueIndex in
            let recipe = DocumentRecipe(numbers)
            let bytes = Array(recipe.text.utf8)
            guard !recipe.scalarPaths.isEmpty else { return }
            edits += 1
            let path = recipe.scalarPaths[pick % recipe.scalarPaths.count]
            let newValue = Self.newValues[valueIndex]
            do {
                let file = try YAMLFile(bytes: bytes, path: "generated.yaml")
                let document = try #require(file.documents.first)
                let node = try #require(document.node(at: path))
                let edited = try file.applying([.set(document: 0, path: path, value: newValue)])
                let out = edited.bytes
                let range = node.byteRange
                let suffix = bytes.count - range.upperBound
                #expect(Array(out.prefix(range.lowerBound)) == Array(bytes.prefix(range.lowerBound)))
                #expect(Array(out.suffix(suffix)) == Array(bytes.suffix(suffix)))
                let after = try #require(edited.documents.first)
                #expect(after.node(at: path)?.scalar == newValue)
                let changes = YAMLValue.changes(from: document.value, to: after.value)
                #expect(changes.allSatisfy { $0.path == path }, "\(changes)")
            } catch {
                Issue.record(
                    "edit of \(path) to \(newValue.debugDescription) failed: \(error)\n\(recipe.text)")
            }
        }
        // Not vacuous: documents without a scalar to edit are skipped, and they must be few.
        #expect(edits >= 250, "\(edits) of 300 generated documents had a scalar to edit")
    }

    static let mutations = Gen.int(in: 0...1_000_000).array(of: 2...9)
    static let alphabet = Array(" \t\n\r-?:,[]{}#&*!|>'\"%@`.0a~\\".utf8)

    /// Test-suite inputs with a few bytes inserted, removed or replaced: the parser either reads
    /// them (and prints them back exactly) or reports an error with a position; it never crashes.
    @Test func mutatedInputsParseOrFailCleanly() async throws {
        let seeds = try SharedData.suiteCases().map(\.input)
        await propertyCheck(count: 1000, input: Self.mutations) { numbers in
            var bytes = seeds[numbers[0] % seeds.count]
            for number in numbers.dropFirst() {
                let position = bytes.isEmpty ? 0 : number % bytes.count
                let byte = Self.alphabet[number / 7 % Self.alphabet.count]
                switch number % 3 {
                case 0: bytes.insert(byte, at: position)
                case 1 where !bytes.isEmpty: bytes.remove(at: position)
                default: if !bytes.isEmpty { bytes[position] = byte }
                }
            }
            do throws(YAMLError) {
                let file = try YAMLFile(bytes: bytes, path: "mutated.yaml")
                try? TriviaTests.check("mutated.yaml", bytes)
                #expect(file.events().hasSuffix("-STR\n"))
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }
}
