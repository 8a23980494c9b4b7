// Tests of the Signing target.
