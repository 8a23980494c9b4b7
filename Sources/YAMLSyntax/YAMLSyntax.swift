// The in-repo lossless YAML engine: syntax tree, parser, paths, editor and emitter.
