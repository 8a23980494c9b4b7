// Tests of the Analysis target.
