//! Shared helpers for the test servers.
