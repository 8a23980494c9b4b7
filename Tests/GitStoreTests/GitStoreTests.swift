// Tests of the GitStore target.
