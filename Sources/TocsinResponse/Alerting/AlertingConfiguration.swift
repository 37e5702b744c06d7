import Foundation

/// Everything that shapes the dispatcher's decisions: the route tree, the receivers, inhibition,
/// and the timeouts for expiry, flapping and silence retention.
public struct AlertingConfiguration: Sendable, Hashable, Codable {
    /// The root of the route tree.
    public var route: Route
    /// The receivers routes may name.
    public var receivers: [Receiver]
    /// The inhibition rules.
    public var inhibitRules: [InhibitRule]
    /// How long a firing alert without `endsAt` lasts without being received again before it
    /// resolves (Alertmanager's `resolve_timeout`, 5 minutes by default).
    public var resolveTimeout: TimeInterval
    /// How flapping alerts are damped.
    public var flapping: FlapPolicy
    /// How long expired silences are kept before they are forgotten (5 days by default, as Alertmanager).
    public var silenceRetention: TimeInterval

    /// Creates a configuration; by default critical alerts inhibit warnings on the same instance.
    public init(route: Route, receivers: [Receiver],
                inhibitRules: [InhibitRule] = [.criticalInhibitsWarningOnSameInstance],
                resolveTimeout: TimeInterval = 300, flapping: FlapPolicy = FlapPolicy(),
                silenceRetention: TimeInterval = 432_000) {
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
        self.resolveTimeout = resolveTimeout
        self.flapping = flapping
        self.silenceRetention = silenceRetention
    }
}
