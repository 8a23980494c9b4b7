import ArgumentParser
import StewardKit

/// `--doc N` or `--select kind=K,name=N`.
struct YAMLDocumentOptions: ParsableArguments {
    @Option(name: .customLong("doc"), help: "The document to use, numbered from 0.")
    var document: Int?

    @Option(
        help:
            "The documents to use, by fields: kind=Deployment,name=web (name and namespace are read from metadata)."
    )
    var select: String?

    func validate() throws {
        if document != nil && select != nil {
            throw ValidationError("use either --doc or --select, not both")
        }
    }

    var choice: YAMLTool.DocumentChoice {
        if let document { return .index(document) }
        if let select { return .selector(select) }
        return .all
    }
}
