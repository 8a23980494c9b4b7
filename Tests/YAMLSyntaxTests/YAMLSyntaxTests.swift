// Tests of the YAMLSyntax target.
