import ClientSupport
import Testing

@Suite("Redacting secrets and URL credentials")
struct RedactorTests {
    @Test("a secret is replaced wherever it appears")
    func secrets() {
        let redact = Redactor(secrets: ["s3cret"])
        #expect(redact("token s3cret and s3cret") == "token <redacted> and <redacted>")
    }
}
