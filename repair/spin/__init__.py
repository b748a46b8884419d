"""Helpers of the spinner-artifact family (see repair.detectors.spin)."""
