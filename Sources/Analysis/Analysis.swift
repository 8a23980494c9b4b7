// Recommender and detectors: pure, deterministic functions from usage profiles to findings.
