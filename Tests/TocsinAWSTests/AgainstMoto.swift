import Testing
import TocsinTestServers

/// The tests that run against moto, in nested suites sharing one server.
@Suite("Against moto", .moto)
struct AgainstMoto {}
