// Tests of the Policy target.
