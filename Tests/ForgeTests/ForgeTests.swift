// Tests of the Forge target.
