// Tests of the StewardKit target.
