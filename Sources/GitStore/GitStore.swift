// Git through libgit2: repositories, trees, commits, refs, fetch and push.
