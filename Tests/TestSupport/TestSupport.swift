// Shared helpers for the tests: real components started on loopback, generators and fixtures.
