import ClientSupport
import Testing

@Suite("Redacting secrets and URL credentials")
struct RedactorTests {
    @Test("a secret is replaced wherever it appears")
    func secrets() {
        let redact = Redactor(secrets: ["s3cret"])
        #expect(redact("token s3cret and s3cret") == "token <redacted> and <redacted>")
    }

    @Test("a secret that contains another is replaced whole, and empty secrets are ignored")
    func overlappingSecrets() {
        let redact = Redactor(secrets: ["", "pw", "Basic cHc="])
        #expect(redact("Authorization: Basic cHc= (pw)") == "Authorization: <redacted> (<redacted>)")
        #expect(Redactor(secrets: [""])("nothing to hide") == "nothing to hide")
    }

    @Test("a token in an https URL is redacted, where a user name would stand")
    func httpsToken() {
        #expect(
            Redactor.url("https://ghp_0123456789@github.com/acme/deploy.git")
                == "https://<redacted>@github.com/acme/deploy.git")
    }

    @Test("a user and password in an https URL are redacted together")
    func httpsUserAndPassword() {
        #expect(
            Redactor.url("https://x-access-token:ghs_secret@github.com/acme/deploy.git")
                == "https://<redacted>@github.com/acme/deploy.git")
        #expect(Redactor.url("http://user:pw@prom:9090") == "http://<redacted>@prom:9090")
    }

    @Test("an ssh:// user name is kept, a password is not")
    func sshUser() {
        #expect(
            Redactor.url("ssh://git@github.com/acme/deploy.git") == "ssh://git@github.com/acme/deploy.git")
        #expect(
            Redactor.url("ssh://git@127.0.0.1:2222/srv/app.git") == "ssh://git@127.0.0.1:2222/srv/app.git")
        #expect(Redactor.url("ssh://git:pw@host/app.git") == "ssh://<redacted>@host/app.git")
    }

    @Test("an scp-like git@host:path keeps its user name")
    func scpLike() {
        #expect(Redactor.url("git@github.com:acme/deploy.git") == "git@github.com:acme/deploy.git")
        #expect(Redactor.url("user:pw@prom:9090") == "<redacted>@prom:9090")
    }

    @Test("a URL without credentials is unchanged, an @ after the host included")
    func noCredentials() {
        for url in [
            "https://github.com/acme/deploy.git", "http://prometheus:9090/api/v1/query?x=a@b",
            "file:///srv/git/app.git", "/srv/git/app.git", "https://host/path/@scope/package",
        ] {
            #expect(Redactor.url(url) == url)
        }
    }
}
