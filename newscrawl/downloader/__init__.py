"""Download handlers: where a request's bytes come from (the network, a mirror, or a web archive)."""
