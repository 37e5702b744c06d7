import TocsinCore

/// A streaming detector whose expectation of a value depends on a companion series, its
/// *context*: CPU given the request rate, say, so that CPU that rises with traffic is
/// normal and CPU that rises without it is not.
///
/// The caller passes the context value observed with each point. ``Detector/score(_:)``
/// and ``Detector/learn(_:)`` without a context use the latest context the detector saw.
public protocol ContextualDetector: Detector {
    /// Scores a point given its context, without learning it.
    func score(_ point: Point, context: Double) -> Double
    /// Folds a point and its context into the model.
    mutating func learn(_ point: Point, context: Double)
}

extension ContextualDetector {
    /// Scores a point given its context and then learns it.
    public mutating func process(_ point: Point, context: Double) -> Double {
        let result = score(point, context: context)
        learn(point, context: context)
        return result
    }
}
