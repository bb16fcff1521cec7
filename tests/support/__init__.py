"""Helpers the test tiers share: loopback servers, hostile and fuzzed specs, round-trip checks, tool runners."""
