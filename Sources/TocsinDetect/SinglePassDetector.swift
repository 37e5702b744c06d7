import TocsinCore

/// A detector whose score and update are one step: what it would learn from a point
/// decides the point's score. It implements ``Detector/process(_:)`` (which it must);
/// ``Detector/score(_:)`` runs that step on a copy, so prefer `process` on hot paths,
/// and ``Detector/learn(_:)`` runs it and drops the score.
public protocol SinglePassDetector: Detector {}

extension SinglePassDetector {
    /// The score `process` would give, without learning the point (works on a copy).
    public func score(_ point: Point) -> Double {
        var copy = self
        return copy.process(point)
    }

    /// Learns the point as `process` does.
    public mutating func learn(_ point: Point) {
        _ = process(point)
    }
}
