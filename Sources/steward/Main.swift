import ArgumentParser
import Foundation
import StewardKit
import StewardPlanner

/// Runs the command and maps every outcome to the exit codes documented in the README:
/// usage errors exit 2 (not ArgumentParser's 64), failures print `steward: error: …` and exit 1.
@main
enum Main {
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try Steward.parseAsRoot()
        } catch {
            exitForParse(error)
        }
        do {
            var command = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as StewardError {
            fail(error.message, status: error.exitCode)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            exitForParse(error)
        }
        Foundation.exit(ExitStatus.success.rawValue)
    }

    private static func exitForParse(_ error: any Error) -> Never {
        let code = Steward.exitCode(for: error)
        if code == .success {
            print(Steward.fullMessage(for: error))
            Foundation.exit(ExitStatus.success.rawValue)
        }
        let message = Steward.message(for: error)
        if code == .validationFailure {
            fail("\(message) (see 'steward --help')", status: .usage)
        }
        fail(message, status: .failure)
    }

    private static func fail(_ message: String, status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("steward: error: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
