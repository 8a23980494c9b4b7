// The policy file: what the bot may change, evaluation, and the scope check of a diff.
