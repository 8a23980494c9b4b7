// Tests of the Telemetry target.
