//! Install/uninstall over fixture configs in a fake home.
