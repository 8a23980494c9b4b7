import ArgumentParser
import Logging
import StewardKit

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: LogLevel = .warning

    @Option(help: "Log format on standard error: text or json.")
    var logFormat: LogFormat = .text

    /// Installs the log handler; call first in `run()`.
    func bootstrapLogging() {
        StderrLogHandler.bootstrap(level: logLevel.level, format: logFormat)
    }
}

/// `--log-level` values, the names of swift-log's levels.
enum LogLevel: String, CaseIterable, ExpressibleByArgument {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .warning }
}

extension LogFormat: ExpressibleByArgument {}
